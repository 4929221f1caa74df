package dk.supportflow.minsupport.draft;

import dk.supportflow.minsupport.MinSupportRules;
import dk.supportflow.minsupport.attachment.AttachmentLimits;
import dk.supportflow.minsupport.attachment.FileType;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;

/**
 * The draft as a Danish text with labelled fields, ready to paste into MinSupport field by field.
 * What must still be chosen or written stands in [brackets].
 */
public final class TicketDraftText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String NOT_GIVEN = "(ikke oplyst)";
    static final String IMAGES_AS_PDF = "MinSupport tager skærmbilleder som PDF: hent PDF'en af et PNG- eller "
            + "JPEG-billede under sagens bilag i Supportflow, og vedhæft den i stedet for billedet.";
    private static final String CUT = " … [forkortet – se hele udkastet i Supportflow]";

    private TicketDraftText() {
    }

    public static String render(TicketDraft draft) {
        return render(draft, UnaryOperator.identity());
    }

    /**
     * The text in at most {@code maxLength} characters (a Camunda string variable holds 4000):
     * the free texts are shortened until it fits, the labelled fields are always complete.
     */
    public static String renderWithin(TicketDraft draft, int maxLength) {
        String text = render(draft);
        for (int maxFreeText = 1500; text.length() > maxLength && maxFreeText >= 50; maxFreeText /= 2) {
            int max = maxFreeText;
            text = render(draft, free -> free == null || free.length() <= max ? free : free.substring(0, max).strip() + CUT);
        }
        return text.length() <= maxLength ? text : text.substring(0, maxLength - CUT.length()) + CUT;
    }

    private static String render(TicketDraft d, UnaryOperator<String> free) {
        StringBuilder text = new StringBuilder();
        text.append("Udkast til MinSupport – sag ").append(d.caseNumber()).append('\n')
                .append("Kopiér felterne ind i MinSupport. Det, der står i [klammer], skal du selv vælge eller udfylde.\n");
        if (!d.missing().isEmpty()) {
            String missing = String.join(", ", d.missing());
            text.append("Mangler endnu: ").append(missing).append(missing.endsWith("?") || missing.endsWith(")") ? "" : ".").append('\n');
        }
        text.append('\n');

        field(text, "Sagstype", d.ticketTypeName(), "[vælg: Fejlsag, Supportsag eller Ændringsønske]");
        if (MinSupportRules.SUPPORT_REQUEST.equals(d.ticketType())) {
            field(text, "Supporttype", d.supportType(), "[udfyld supporttypen]");
        }
        field(text, "Titel", d.title(), null);
        field(text, "Komponent", d.component(), "[udfyld: hvor i KP ses fejlen?]");
        field(text, "Kritikalitet", d.criticalityName(), "[vælg ærligt: Kritisk, Høj, Medium eller Lav"
                + (d.suggestedCriticalityName() == null ? "" : " – foreslået ud fra analysen: " + d.suggestedCriticalityName()) + "]");
        if (d.criticalityJustification() != null) {
            field(text, "Begrundelse for kritikaliteten", free.apply(d.criticalityJustification()), null);
        }
        field(text, "Brugerens navn", d.user().name(), "[dit navn]");
        field(text, "Brugerens e-mail", d.user().email(), "[din e-mail]");
        field(text, "Brugerens telefon", d.user().phone(), "[dit telefonnummer]");
        text.append("CPR-nummer: ").append(cpr(d)).append('\n');
        field(text, "Sags-ID", d.kpCaseId(), NOT_GIVEN);
        field(text, "Opgave-ID", d.kpTaskId(), NOT_GIVEN);
        field(text, "Opgavens brugervendte nøgle", d.kpTaskKey(), NOT_GIVEN);
        if (d.paymentBlocked()) {
            field(text, "Disponibel dato (blokeret udbetaling)", d.availableDate() == null ? null : DATE.format(d.availableDate()),
                    "[udfyld den disponible dato]");
        }

        text.append("\nBeskrivelse\n\n");
        text.append("1. ").append(TicketDraft.ACTION_HEADING).append('\n').append(free.apply(d.description().action())).append("\n\n");
        text.append("2. ").append(TicketDraft.EXPECTED_HEADING).append('\n').append(free.apply(d.description().expected())).append("\n\n");
        if (d.description().otherCases() != null) {
            text.append("3. ").append(TicketDraft.OTHER_CASES_HEADING).append('\n').append(free.apply(d.description().otherCases()))
                    .append("\n\n");
        }
        text.append(TicketDraft.CASE_INFORMATION_HEADING).append('\n');
        field(text, "Sags-ID", d.kpCaseId(), NOT_GIVEN);
        field(text, "Opgave-ID", d.kpTaskId(), NOT_GIVEN);
        field(text, "Opgavens brugervendte nøgle", d.kpTaskKey(), NOT_GIVEN);
        if (d.technicalErrorText() != null) {
            text.append("\nTeknisk fejltekst:\n").append(free.apply(d.technicalErrorText())).append('\n');
        }
        if (d.errorClassName() != null) {
            text.append("\nFejltype ifølge kommunens analyse: ").append(d.errorClassName()).append('\n');
        }

        text.append("\nBilag:\n");
        if (d.attachments().isEmpty()) {
            text.append("(ingen – vedhæft skærmbilleder som PDF, PNG, JPEG eller Word på sagen i Supportflow)\n");
        }
        boolean images = false;
        for (TicketDraft.Attachment file : d.attachments()) {
            boolean image = FileType.ofMediaType(file.type()).filter(FileType::isImage).isPresent();
            images |= image;
            text.append("- ").append(file.name()).append(" (").append(file.typeName()).append(", ")
                    .append(AttachmentLimits.human(file.size())).append(")").append(image ? " – vedhæftes som PDF" : "")
                    .append('\n');
        }
        if (images) {
            // once, not on every line: the Tasklist's copy of the draft has little room
            text.append(IMAGES_AS_PDF).append('\n');
        }
        return text.toString();
    }

    private static String cpr(TicketDraft d) {
        if (d.cprInClear()) {
            return d.cpr();
        }
        if (d.cpr() == null) {
            return d.cprNote() == null ? NOT_GIVEN : d.cprNote();
        }
        return d.cpr() + (d.cprNote() == null ? "" : " [" + d.cprNote() + "]");
    }

    private static void field(StringBuilder text, String label, String value, String placeholder) {
        text.append(label).append(": ").append(value != null ? value : placeholder).append('\n');
    }
}
