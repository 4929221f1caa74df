package dk.supportflow.cases;

import java.time.Instant;

/**
 * Published in the transaction that closes a case ({@link SupportCaseService#close}), so that the
 * features above keep what they keep of it: knowledge its solved case, waitingtime its waiting times.
 * The symptom is the report's "what happened" (for a request: what it is about) with the error message.
 */
public record CaseClosed(String caseNumber, String processInstanceId, String title, String symptom, String component,
        String errorClass, String outcome, String answer, String minSupportCaseNumber, Instant closedAt) {
}
