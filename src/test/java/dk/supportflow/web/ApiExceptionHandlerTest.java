package dk.supportflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Two changes to one case at once: the API answers 409 in Danish, never 500. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aConcurrentChangeIsAConflictInDanish() {
        ResponseEntity<ApiError> direct = handler.concurrentChange(new OptimisticLockingException("ENGINE-03005 ..."));
        ResponseEntity<ApiError> wrapped = handler.unexpected(
                new ProcessEngineException("wrapped", new OptimisticLockingException("ENGINE-03005 ...")));
        for (ResponseEntity<ApiError> response : java.util.List.of(direct, wrapped)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(response.getBody().message()).startsWith("Sagen blev ændret af en anden i samme øjeblik")
                    .doesNotContain("ENGINE");
        }
        assertThat(handler.unexpected(new IllegalStateException("x")).getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
