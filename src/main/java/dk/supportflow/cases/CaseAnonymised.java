package dk.supportflow.cases;

/**
 * Published in the transaction that removes a case's personal data (retention or erasure on
 * request, {@link CasePersonalData}), so that a feature keeping its own data per case removes it
 * too (minsupport.attachment deletes the case's attachments).
 */
public record CaseAnonymised(long caseId, String caseNumber) {
}
