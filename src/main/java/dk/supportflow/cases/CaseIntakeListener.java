package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.domain.Refused;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.platform.UserInputRefused;
import dk.supportflow.process.SupportCaseProcess;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code supportCase}. A case opened through the API already exists under the
 * business key, which only the application can give (platform.ProcessStartGuard); it is taken
 * only if no other process has it yet. A case started from the Tasklist start form is validated
 * and registered here, with the same rules as the API, in the name of the logged-in person, and
 * gets its case number as business key. Either way the reporter is the case row's, never a
 * variable a caller sent, the CPR number leaves the process variables before anything is
 * committed, and the reporter gets a receipt with the case number.
 */
@Component(SupportCaseProcess.Beans.CASE_INTAKE)
public class CaseIntakeListener implements ExecutionListener {

    private final SupportCaseService supportCaseService;
    private final Validator validator;
    private final CaseMails mails;
    private final TitleCheck titleCheck;
    private final OnBehalf onBehalf;
    private final PeopleDirectory people;

    public CaseIntakeListener(SupportCaseService supportCaseService, Validator validator, CaseMails mails,
            TitleCheck titleCheck, OnBehalf onBehalf, PeopleDirectory people) {
        this.people = people;
        this.supportCaseService = supportCaseService;
        this.validator = validator;
        this.mails = mails;
        this.titleCheck = titleCheck;
        this.onBehalf = onBehalf;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CaseReport submitted = reportFrom(execution);
        execution.removeVariable(Vars.CPR);
        // who reported it and how it came in: the case row holds that
        execution.removeVariable(Vars.CHANNEL);
        String businessKey = execution.getProcessBusinessKey();
        SupportCase supportCase;
        if (businessKey != null) {
            supportCase = supportCaseService.find(businessKey)
                    .filter(c -> c.getProcessInstanceId() == null || c.getProcessInstanceId().equals(execution.getProcessInstanceId()))
                    .orElseThrow(() -> new UserInputRefused("Sagen kunne ikke oprettes: sagsnummeret hører til en anden sag."));
        } else {
            // only the mail intake starts a case with triage (it gives the business key)
            execution.removeVariable(Vars.TRIAGE);
            String caller = Context.getCommandContext().getAuthenticatedUserId();
            if (caller == null) {
                throw new UserInputRefused("Sagen kunne ikke oprettes: du skal være logget ind for at indberette en fejl.");
            }
            validate(submitted);
            CaseReport report = submitted.withCprMaskedInTexts();
            OnBehalf.Reporting reporting;
            try {
                reporting = onBehalf.resolve(report, caller);
            } catch (Refused refused) {
                throw new UserInputRefused("Sagen kunne ikke oprettes: " + refused.getMessage());
            }
            supportCase = supportCaseService.register(report, reporting);
            execution.setProcessBusinessKey(supportCase.getCaseNumber());
            execution.setVariables(report.toVariables(supportCase.getComponent()));
        }
        supportCaseService.attachProcess(supportCase, execution.getProcessInstanceId());
        execution.setVariable(Vars.CASE_NUMBER, supportCase.getCaseNumber());
        // whatever a caller sent as "reporter" (the start form's initiator, a variable): the case row decides
        execution.setVariable(Vars.REPORTER, supportCase.getReporter());
        execution.setVariable(Vars.REPORTER_NAME, people.displayName(supportCase.getReporter()));
        if (supportCase.getRegisteredBy() != null) {
            execution.setVariable(Vars.REGISTERED_BY_NOTE, "registreret af " + people.displayName(supportCase.getRegisteredBy())
                    + " efter " + SupportCaseProcess.Channels.phrase(supportCase.getChannel()));
        } else {
            execution.removeVariable(Vars.REGISTERED_BY_NOTE);
        }
        execution.setVariable(Vars.TITLE_FINDINGS, String.join("\n", titleCheck.messages(supportCase.getTitle())));
        // written to the outbox in this transaction: sent only if the case really starts
        mails.receipt(supportCase.getCaseNumber(), supportCase.getTitle(), supportCase.getReporter(), supportCase.isError(),
                supportCase.getRegisteredBy(), SupportCaseProcess.Channels.phrase(supportCase.getChannel()));
    }

    private void validate(CaseReport report) {
        Set<ConstraintViolation<CaseReport>> violations = validator.validate(report);
        if (!violations.isEmpty()) {
            // Tasklist shows this message to the person who submitted the start form
            throw new FormFieldValidationException(SupportCaseProcess.Elements.START_EVENT, "Sagen kunne ikke oprettes: " + violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(ConstraintViolation::getMessage)
                    .collect(Collectors.joining(" ")));
        }
    }

    private static CaseReport reportFrom(DelegateExecution execution) {
        return new CaseReport(
                text(execution, Vars.TITLE), text(execution, Vars.WORKING_ON), text(execution, Vars.STEPS_TAKEN),
                text(execution, Vars.EXPECTED), text(execution, Vars.ACTUAL), text(execution, Vars.TRIED_SO_FAR),
                text(execution, Vars.ERROR_MESSAGE), text(execution, Vars.COMPONENT), text(execution, Vars.CPR),
                text(execution, Vars.KP_CASE_ID), text(execution, Vars.KP_TASK_KEY),
                Boolean.TRUE.equals(execution.getVariable(Vars.PAYMENT_BLOCKED)), date(execution),
                text(execution, Vars.OTHER_CASES_AFFECTED), text(execution, Vars.KP_TASK_ID), text(execution, Vars.KIND),
                text(execution, Vars.REPORTER), text(execution, Vars.CHANNEL));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** The form's date field sends yyyy-MM-dd, possibly with a time part. */
    private static LocalDate date(DelegateExecution execution) {
        String value = text(execution, Vars.AVAILABLE_DATE);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new FormFieldValidationException(Vars.AVAILABLE_DATE,
                    "Sagen kunne ikke oprettes: den disponible dato skal have formen åååå-mm-dd.");
        }
    }
}
