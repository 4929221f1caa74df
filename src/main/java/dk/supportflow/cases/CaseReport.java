package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Kinds;
import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.privacy.Cpr;
import dk.supportflow.privacy.ValidCpr;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A super user's report: the questions the support-authorised user asks (what were you working
 * on, what did you do, what did you expect, what happened instead, what have you tried, does it
 * happen on other cases). An error needs all of them; a support or change request needs what it
 * is about and what is wanted. The same fields whether it arrives by {@code POST /api/cases} or
 * the Tasklist start form. {@code reporter} and {@code channel} register it on behalf of a
 * superbruger (see {@link OnBehalf}).
 */
public record CaseReport(
        @NotBlank(message = "Skriv en titel, der kort siger, hvor i KP fejlen ses, og hvad den går ud på.")
        @Size(max = 200, message = "Titlen må højst være 200 tegn.")
        String title,
        @NotBlank(message = "Skriv, hvad du arbejdede med, da fejlen opstod – eller hvad henvendelsen drejer sig om.")
        @Size(max = 4000, message = "Teksten må højst være 4000 tegn.")
        String workingOn,
        @Size(max = 4000, message = "Teksten må højst være 4000 tegn.")
        String stepsTaken,
        @NotBlank(message = "Skriv, hvad du forventede skulle ske – eller hvad du ønsker.")
        @Size(max = 4000, message = "Teksten må højst være 4000 tegn.")
        String expected,
        @Size(max = 4000, message = "Teksten må højst være 4000 tegn.")
        String actual,
        @Size(max = 4000, message = "Teksten må højst være 4000 tegn.")
        String triedSoFar,
        @Size(max = 4000, message = "Fejlteksten må højst være 4000 tegn.")
        String errorMessage,
        @Size(max = 200, message = "Komponenten må højst være 200 tegn.")
        String component,
        @ValidCpr
        String cpr,
        @Size(max = 100, message = "Sags-ID må højst være 100 tegn.")
        String kpCaseId,
        @Size(max = 100, message = "Opgavens brugervendte nøgle må højst være 100 tegn.")
        String kpTaskKey,
        Boolean paymentBlocked,
        LocalDate availableDate,
        @Size(max = 4000, message = "Teksten om andre sager må højst være 4000 tegn.")
        String otherCasesAffected,
        @Size(max = 100, message = "Opgave-ID må højst være 100 tegn.")
        String kpTaskId,
        @Pattern(regexp = "error|supportRequest|changeRequest",
                message = "Vælg, hvad henvendelsen drejer sig om: en fejl, en supportsag eller et ændringsønske.")
        String kind,
        @Size(max = 64, message = "Brugernavnet på superbrugeren må højst være 64 tegn.")
        String reporter,
        @Pattern(regexp = "telefon|mail|personligt",
                message = "Vælg, hvordan superbrugeren henvendte sig: telefon, mail eller personligt.")
        String channel) {

    /** What the request is about; an error when not given. */
    public String kindOrDefault() {
        return kind == null || kind.isBlank() ? Kinds.ERROR : kind;
    }

    public boolean isError() {
        return Kinds.ERROR.equals(kindOrDefault());
    }

    /** An error is described step by step, with what happened instead; a request need not be. */
    @AssertTrue(message = "Beskriv trin for trin, hvad du gjorde.")
    public boolean isStepsTaken() {
        return !isError() || !isBlank(stepsTaken);
    }

    @AssertTrue(message = "Skriv, hvad der skete i stedet.")
    public boolean isActual() {
        return !isError() || !isBlank(actual);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** MinSupport asks for the available date ("disponibel dato") when a payment is blocked. */
    @AssertTrue(message = "Angiv den disponible dato, når en udbetaling er blokeret.")
    public boolean isAvailableDate() {
        return !isPaymentBlocked() || availableDate != null;
    }

    public boolean isPaymentBlocked() {
        return Boolean.TRUE.equals(paymentBlocked);
    }

    public boolean hasCpr() {
        return cpr != null && !cpr.isBlank();
    }

    /**
     * The report with every CPR-like number in its free texts masked: a CPR number belongs in
     * the {@code cpr} field only, where it is encrypted; the texts are mailed and kept in history.
     */
    public CaseReport withCprMaskedInTexts() {
        return new CaseReport(Cpr.maskInText(title), Cpr.maskInText(workingOn), Cpr.maskInText(stepsTaken),
                Cpr.maskInText(expected), Cpr.maskInText(actual), Cpr.maskInText(triedSoFar),
                Cpr.maskInText(errorMessage), Cpr.maskInText(component), cpr, Cpr.maskInText(kpCaseId),
                Cpr.maskInText(kpTaskKey), paymentBlocked, availableDate, Cpr.maskInText(otherCasesAffected),
                Cpr.maskInText(kpTaskId), kind, reporter, channel);
    }

    /**
     * The report as process variables: everything but the CPR number and who reported it (the
     * case row holds that); the component as the case row stores it (see KpComponents).
     */
    public Map<String, Object> toVariables(String storedComponent) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(Vars.TITLE, title);
        variables.put(Vars.WORKING_ON, workingOn);
        variables.put(Vars.STEPS_TAKEN, stepsTaken);
        variables.put(Vars.EXPECTED, expected);
        variables.put(Vars.ACTUAL, actual);
        variables.put(Vars.TRIED_SO_FAR, triedSoFar);
        variables.put(Vars.ERROR_MESSAGE, errorMessage);
        variables.put(Vars.COMPONENT, storedComponent);
        variables.put(Vars.KP_CASE_ID, kpCaseId);
        variables.put(Vars.KP_TASK_KEY, kpTaskKey);
        variables.put(Vars.PAYMENT_BLOCKED, isPaymentBlocked());
        variables.put(Vars.AVAILABLE_DATE, availableDate == null ? null : availableDate.toString());
        variables.put(Vars.CPR_REGISTERED, hasCpr());
        variables.put(Vars.OTHER_CASES_AFFECTED, isBlank(otherCasesAffected) ? null : otherCasesAffected.strip());
        variables.put(Vars.KP_TASK_ID, kpTaskId);
        variables.put(Vars.KIND, kindOrDefault());
        // a support or change request is reported as that type; an error's type is chosen when preparing
        variables.put(Vars.TICKET_TYPE, Kinds.ticketType(kindOrDefault()));
        return variables;
    }
}
