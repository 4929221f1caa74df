package dk.supportflow.notification;

import java.util.List;

/** A plain-text mail about a case, to one or more people. */
public record Mail(String caseNumber, List<String> recipients, String subject, String body) {
}
