package dk.supportflow.minsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/suggestCriticality.dmn, on Camunda's DMN engine. */
class SuggestCriticalityDecisionTest {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("processes/suggestCriticality.dmn")) {
            decision = engine.parseDecision("suggestCriticality", in);
        }
    }

    @ParameterizedTest(name = "rule {5}: central={0} workaround={1} payment={2} blocked={3} -> {4}")
    @CsvSource({
            // central, workaround, payment, blocked, suggested, rule that decides
            "true,  false, false, false, kritisk, 1",
            "true,  false, true,  true,  kritisk, 1",
            "false, false, true,  false, kritisk, 2",
            "false, false, true,  true,  kritisk, 2",
            "false, false, false, true,  hoej,    3",
            "false, true,  false, true,  medium,  4",
            "true,  true,  false, true,  medium,  4",
            "true,  true,  false, false, medium,  5",
            "false, true,  true,  false, medium,  6",
            "false, false, false, false, lav,     7",
            "false, true,  false, false, lav,     7"})
    void suggestsTheLevelOfTheFirstMatchingRule(boolean central, boolean workaround, boolean payment, boolean blocked,
            String suggested, int rule) {
        var result = engine.evaluateDecisionTable(decision, Map.of("centralFunctionHit", central,
                "workaroundAvailable", workaround, "paymentBlocked", payment, "workBlocked", blocked));
        assertThat(result.getSingleResult().<String>getSingleEntry()).isEqualTo(suggested);
    }
}
