package dk.supportflow.driftsside;

import static dk.supportflow.process.DriftssideProcess.Vars;

import dk.supportflow.knowledge.KnownErrorRepository;
import dk.supportflow.process.DriftssideProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_MailDriftsbesked}: passes the reviewed message on to the sagsbehandlere and/or the supportberettigede. */
@Component(DriftssideProcess.Beans.MAIL_MESSAGE)
public class MailDriftsbeskedDelegate implements JavaDelegate {

    private final DriftssideMessageRepository messages;
    private final KnownErrorRepository knownErrors;
    private final DriftssideMails mails;

    public MailDriftsbeskedDelegate(DriftssideMessageRepository messages, KnownErrorRepository knownErrors, DriftssideMails mails) {
        this.messages = messages;
        this.knownErrors = knownErrors;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DriftssideMessage message = messages.findById(((Number) execution.getVariable(Vars.MESSAGE_ID)).longValue())
                .orElseThrow();
        var knownError = message.getKnownErrorId() == null ? null : knownErrors.findById(message.getKnownErrorId()).orElse(null);
        mails.passOnDriftsbesked(DriftssideProcess.businessKey(message.getId()), message.isSharedWithCaseworkers(),
                message.isSharedWithSupport(), message.getTitle(), message.getKind().danishName(), message.getSummary(),
                message.getLink(), (String) execution.getVariable(Vars.SHARE_MESSAGE),
                knownError == null ? null : knownError.getComponent(), knownError == null ? null : knownError.getWorkaround());
    }
}
