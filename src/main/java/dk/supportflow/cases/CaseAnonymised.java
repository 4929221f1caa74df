package dk.supportflow.cases;

import java.util.List;

/**
 * Published in the transaction that removes a case's personal data (retention or erasure on
 * request, {@link CasePersonalData}), so that a feature keeping its own data per case removes it
 * too (minsupport.attachment deletes the case's attachments, knowledge erases what its solved case
 * and articles copied of the report). The report's texts are given so that copies can be found.
 */
public record CaseAnonymised(long caseId, String caseNumber, List<String> reportTexts, String placeholder) {
}
