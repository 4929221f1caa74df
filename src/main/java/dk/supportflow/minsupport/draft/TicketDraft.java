package dk.supportflow.minsupport.draft;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * The MinSupport case as the supportberettiget will report it: every field MinSupport asks for
 * and the three-part description, drafted from the report, the analysis and the person who has
 * the case. A field nobody has filled in yet is null and named in {@code missing}; every field is
 * present in the JSON, null or not.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TicketDraft(
        String caseNumber,
        /** fejlsag, supportsag or aendringsoenske; null until chosen in reportToMinSupport. */
        String ticketType,
        String ticketTypeName,
        /** Only for a supportsag. */
        String supportType,
        /** ticketTitle, or the report's title until one is chosen. */
        String title,
        String component,
        /** kritisk, hoej, medium or lav; null until chosen. */
        String criticality,
        String criticalityName,
        /** What the decision suggestCriticality suggested from the analyst's impact answers, if it ran. */
        String suggestedCriticality,
        String suggestedCriticalityName,
        String criticalityJustification,
        /** The reporting supportberettiget: the one who has the case, else the caller. */
        User user,
        /** In clear text only for the caller who has the case's task; otherwise masked (ddmmyy-xxxx) or left out. */
        String cpr,
        boolean cprInClear,
        /** Why the CPR number is not shown in clear, when it is not. */
        String cprNote,
        String kpCaseId,
        String kpTaskKey,
        /** Opgave-ID. */
        String kpTaskId,
        boolean paymentBlocked,
        /** "Disponibel dato", when a payment is blocked. */
        LocalDate availableDate,
        String errorClass,
        String errorClassName,
        String technicalErrorText,
        Description description,
        List<Attachment> attachments,
        /** Danish names of the fields still to fill in before the case is reported. */
        List<String> missing) {

    public static final String ACTION_HEADING = "Hvilken handling førte til fejlen?";
    public static final String EXPECTED_HEADING = "Hvad forventede du?";
    public static final String OTHER_CASES_HEADING = "Opleves fejlen på andre sager?";
    public static final String CASE_INFORMATION_HEADING = "Information på sagen";

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record User(String userId, String name, String email, String phone) {
    }

    /** The three parts of a good error description, as texts ready to paste. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Description(
            /** What they were working on and what they did, step by step. */
            String action,
            /** What they expected, and what happened instead. */
            String expected,
            /** The reporter's or the analyst's answer, or (for a fejlsag) a placeholder asking for it; null for a request. */
            String otherCases,
            boolean otherCasesFilledIn) {
    }

    /**
     * {@code pdfUrl}: where the attachment is had as PDF for MinSupport (a PNG or JPEG converted, a
     * PDF as it is); null for a Word document, which is attached as it is.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Attachment(Long id, String name, String type, String typeName, long size, String pdfUrl) {
    }
}
