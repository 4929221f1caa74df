package dk.supportflow.minsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/suggestCriticality.dmn against the four definitions of criticality the
 * supportberettigede learn (domain guide, "Criticality"), one row per definition, on Camunda's
 * DMN engine. An empty cell is a question not answered.
 */
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # definition                                                          | central | blocked | workaround | payment | suggested
            Kritisk: error in decisive, central functionality, no workaround       | true    | true    | false      | false   | kritisk
            Kritisk: error in decisive, central functionality, with a workaround   | true    | true    | true       | false   | kritisk
            Kritisk: central functionality even when work goes on                  | true    | false   |            | false   | kritisk
            Høj: blocks the work and cannot be worked around                       | false   | true    | false      | false   | hoej
            Høj: blocks the work, the workaround question unanswered               | false   | true    |            | false   | hoej
            Medium: blocks the work but can be worked around                       | false   | true    | true       | false   | medium
            Lav: a nuisance that does not block the work                           | false   | false   |            | false   | lav
            Lav: nothing answered                                                  |         |         |            |         | lav
            Payment blocked raises Lav to Medium (reason shown)                    | false   | false   |            | true    | medium
            Payment blocked does not lift Medium above its definition              | false   | true    | true       | true    | medium
            Payment blocked does not change Høj                                    | false   | true    | false      | true    | hoej
            """)
    void suggestsTheLevelOfTheDefinition(String definition, Boolean central, Boolean blocked, Boolean workaround,
            Boolean payment, String suggested) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("centralFunctionHit", central);
        answers.put("workBlocked", blocked);
        answers.put("workaroundAvailable", workaround);
        answers.put("paymentBlocked", payment);
        var result = engine.evaluateDecisionTable(decision, answers);
        assertThat(result.getSingleResult().<String>getSingleEntry()).as(definition).isEqualTo(suggested);
    }
}
