package dk.supportflow.driftsside;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.CaseMails;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.knowledge.KnownError;
import dk.supportflow.knowledge.KnownErrorRepository;
import dk.supportflow.process.SupportCaseProcess;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterKnownError} of {@code supportCase} (message {@code KnownErrorReported}): a
 * known error from the driftsside matches the open case. It goes into the case's information log,
 * onto the task forms ({@code knownErrorNotice}, "Kendt fejl på driftssiden") and to the
 * supportberettiget who has the case. Every link of the case not yet registered is registered,
 * each once: the link row is written when the message is sent (KnownErrorLinks), so two messages
 * before the first job runs are both registered by it, and the second job finds nothing new.
 */
@Component(SupportCaseProcess.Beans.REGISTER_KNOWN_ERROR)
public class RegisterKnownErrorDelegate implements JavaDelegate {

    static final String SOURCE = "Driftssiden (kendt fejl)";

    private final KnownErrorRepository knownErrors;
    private final KnownErrorLinks links;
    private final SupportCaseService supportCases;
    private final CaseMails mails;

    public RegisterKnownErrorDelegate(KnownErrorRepository knownErrors, KnownErrorLinks links,
            SupportCaseService supportCases, CaseMails mails) {
        this.knownErrors = knownErrors;
        this.links = links;
        this.supportCases = supportCases;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = supportCases.ofProcess(execution).getCaseNumber();
        for (KnownErrorCase link : links.toRegister(caseNumber)) {
            KnownError knownError = knownErrors.findById(link.getKnownErrorId()).orElseThrow();
            String text = "Sagen ligner en kendt fejl på driftssiden: " + knownError.getSymptom()
                    + (knownError.getComponent() == null ? "" : " (" + knownError.getComponent() + ")")
                    + "\nMidlertidig løsning: " + knownError.getWorkaround()
                    + (knownError.getSourceLink() == null ? "" : "\nDriftssiden: " + knownError.getSourceLink());
            execution.getProcessInstance().setVariable(Vars.CASE_INFORMATION,
                    supportCases.recordInformation(caseNumber, SOURCE, text));
            mails.informationAdded(caseNumber, (String) execution.getVariable(Vars.TITLE),
                    Optional.ofNullable((String) execution.getVariable(Vars.CASE_HANDLER)), SOURCE, text);
        }
        execution.getProcessInstance().setVariable(Vars.KNOWN_ERROR_NOTICE, links.notice(caseNumber));
    }
}
