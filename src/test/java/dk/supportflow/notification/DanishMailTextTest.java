package dk.supportflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.DanishText;
import dk.supportflow.SupportflowTest;
import dk.supportflow.analysis.AnalysisMails;
import dk.supportflow.cases.CaseMails;
import dk.supportflow.driftsside.DriftssideMails;
import dk.supportflow.knowledge.KnowledgeMails;
import dk.supportflow.minsupport.MinSupportMails;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every mail a case sends is Danish (DanishText): each method of every feature's mails
 * (cases.CaseMails, analysis.AnalysisMails, minsupport.MinSupportMails, knowledge.KnowledgeMails,
 * driftsside.DriftssideMails) is called with sample values, and what it put in the outbox,
 * subject and body, is read as the recipient would.
 */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class DanishMailTextTest {

    @Autowired
    CaseMails caseMails;
    @Autowired
    AnalysisMails analysisMails;
    @Autowired
    MinSupportMails minSupportMails;
    @Autowired
    KnowledgeMails knowledgeMails;
    @Autowired
    DriftssideMails driftssideMails;
    @Autowired
    OutboxMailRepository outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    dk.supportflow.people.PeopleDirectory people;

    @Test
    void everyCaseMailSpeaksDanishWithoutCodeNames() {
        List<String> findings = new ArrayList<>();
        List<Object> features = List.of(caseMails, analysisMails, minSupportMails, knowledgeMails, driftssideMails);
        List<Method> methods = features.stream()
                .flatMap(feature -> Arrays.stream(AopUtils.getTargetClass(feature).getDeclaredMethods()))
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getReturnType() == void.class)
                .sorted(Comparator.comparing(Method::getName)).toList();
        assertThat(methods).hasSizeGreaterThan(12);
        int n = 0;
        for (Method method : methods) {
            Object mails = features.stream().filter(f -> AopUtils.getTargetClass(f) == method.getDeclaringClass()).findFirst()
                    .orElseThrow();
            String key = "DA" + (++n) + "-" + (System.nanoTime() % 1_000_000_000L);
            Object[] args = Arrays.stream(method.getParameters()).map(p -> sample(p, key)).toArray();
            // mails are written in the transaction of the work that sends them
            transaction.executeWithoutResult(status -> {
                try {
                    method.invoke(mails, args);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<OutboxMail> written = outbox.findByCaseNumberOrderByIdAsc(key);
            assertThat(written).as("mails of %s", method.getName()).isNotEmpty();
            for (OutboxMail mail : written) {
                findings.addAll(DanishText.findings(method.getName() + " (emne)", withoutNames(mail.getSubject())));
                findings.addAll(DanishText.findings(method.getName(), withoutNames(mail.getBody())));
            }
        }
        assertThat(findings).isEmpty();
    }

    /** The demo people's names are not text of ours ("Sanne Support" is a name). */
    private String withoutNames(String text) {
        String plain = text;
        for (String user : List.of("support1", "superbruger1")) {
            plain = plain.replace(people.displayName(user), "NN");
        }
        return plain;
    }

    /** A value a real call could have; people are demo users with an address, so every mail is written. */
    private static Object sample(Parameter parameter, String key) {
        String name = parameter.getName();
        Class<?> type = parameter.getType();
        if (type == boolean.class) {
            return true;
        }
        if (type == Optional.class) {
            return Optional.of("support1");
        }
        if (type == int.class || type == Integer.class) {
            return 2;
        }
        if (name.equals("caseNumber") || name.equals("key")) {
            return key;
        }
        if (name.equals("assignee")) {
            return "support1";
        }
        if (name.equals("reporter") || name.equals("registeredBy")) {
            return "superbruger1";
        }
        if (name.equals("criticality")) {
            // as the delegate gives it: the level's Danish name
            return "Høj";
        }
        return "Eksempeltekst";
    }
}
