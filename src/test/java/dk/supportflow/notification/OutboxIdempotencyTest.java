package dk.supportflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every outbox mail has an idempotency key (case, purpose, recipient, step, text) unique in the table:
 * a Camunda job that runs again after a commit it never heard back from (or on a second node
 * once its lock ran out) adds no second row.
 */
@SupportflowTest
class OutboxIdempotencyTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxMailRepository rows;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseScenario scenario;

    @Test
    void theSameJobRunAgainWritesItsMailOnce() {
        String caseNumber = "SUP-IDEM-000001";
        Mail answer = new Mail(caseNumber, "answer", List.of("superbruger1@kommune.example", "superbruger2@kommune.example"),
                "[" + caseNumber + "] Svar på din fejlindberetning", "Hej\n\nHer er svaret.");

        inJob("job-1", answer);
        inJob("job-1", answer);
        assertThat(rows.findByCaseNumberOrderByIdAsc(caseNumber)).as("one row per recipient, not two").hasSize(2);

        // another job (the next reminder, a later answer) is another step: its mail is written
        inJob("job-2", answer);
        assertThat(rows.findByCaseNumberOrderByIdAsc(caseNumber)).hasSize(4);
        // one job may send two different mails of one purpose (two pieces of new information)
        inJob("job-2", new Mail(caseNumber, "answer", List.of("superbruger1@kommune.example"),
                "[" + caseNumber + "] Svar på din fejlindberetning", "Hej\n\nHer er et andet svar."));
        assertThat(rows.findByCaseNumberOrderByIdAsc(caseNumber)).hasSize(5);
        // outside a job every call is a step of its own
        transactions.executeWithoutResult(status -> outbox.enqueue(answer));
        assertThat(rows.findByCaseNumberOrderByIdAsc(caseNumber)).hasSize(7);
        // the dispatch the commits started has finished: its batch updates and this delete would deadlock
        scenario.dispatchMails();
        jdbc.update("delete from outbox_mail where case_number = ?", caseNumber);
    }

    @Test
    void theDatabaseRefusesASecondRowWithTheSameKey() {
        String caseNumber = "SUP-IDEM-000002";
        transactions.executeWithoutResult(status -> outbox.enqueue(new Mail(caseNumber, "receipt",
                List.of("superbruger1@kommune.example"), "[" + caseNumber + "] Vi har modtaget din fejlindberetning", "Hej")));
        // two runs of one job that both got past the check before either committed
        assertThatThrownBy(() -> jdbc.update("insert into outbox_mail (case_number, idempotency_key, recipient, subject, body, "
                + "status, attempts, created_at, next_attempt_at) select case_number, idempotency_key, recipient, subject, body, "
                + "'PENDING', 0, created_at, next_attempt_at from outbox_mail where case_number = ?", caseNumber))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows.findByCaseNumberOrderByIdAsc(caseNumber)).hasSize(1);
        scenario.dispatchMails();
        jdbc.update("delete from outbox_mail where case_number = ?", caseNumber);
    }

    /** Enqueues the mail in an engine command that executes the job with this id, as the job executor does. */
    private void inJob(String jobId, Mail mail) {
        MessageEntity job = new MessageEntity();
        job.setId(jobId);
        engine.getCommandExecutorTxRequired().execute(command -> {
            command.setCurrentJob(job);
            outbox.enqueue(mail);
            return null;
        });
    }
}
