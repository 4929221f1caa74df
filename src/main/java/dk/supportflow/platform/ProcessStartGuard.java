package dk.supportflow.platform;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Processes start only the way people start them: from the start event, with every listener and
 * mapping, and with the business key the application gives them (a case's number). A logged-in
 * person who is not an administrator cannot start at an inner activity, skip listeners or
 * input/output mappings, choose a business key (a start, a start form, a message), modify a
 * running instance or restart an ended one, on any definition and whichever path the request
 * took. The application itself (no engine authentication: our API after Spring Security allowed
 * the caller, jobs) and administrators keep these means.
 */
@Component
public class ProcessStartGuard implements CommandGuard {

    static final String OWN_BUSINESS_KEY = "Du kan ikke selv vælge en forretningsnøgle; sagen får sit sagsnummer automatisk.";
    static final String START_ELSEWHERE = "Kun administratorer kan starte en proces et andet sted end ved dens start "
            + "eller springe dens lyttere og mapninger over.";
    static final String MODIFY = "Kun administratorer kan flytte, ændre eller genstarte en proces.";

    @Override
    public void check(Command<?> command, CommandContext context) {
        if (!EngineCaller.of(context).isOrdinaryUser()) {
            return;
        }
        if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
            ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) CommandFields.read(command,
                    command.getClass(), "instantiationBuilder");
            checkStart(builder.getBusinessKey(), builder.getModificationBuilder());
            if (command instanceof StartProcessInstanceAtActivitiesCmd) {
                throw refused(START_ELSEWHERE);
            }
        } else if (command instanceof SubmitStartFormCmd) {
            checkStart((String) CommandFields.read(command, SubmitStartFormCmd.class, "businessKey"), null);
        } else if (command instanceof AbstractCorrelateMessageCmd) {
            MessageCorrelationBuilderImpl builder = (MessageCorrelationBuilderImpl) CommandFields.read(command,
                    AbstractCorrelateMessageCmd.class, "builder");
            // the same key names the instance that a start message would create
            checkStart(builder.getBusinessKey(), null);
        } else if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
                || command instanceof AbstractModificationCmd<?> || command instanceof AbstractRestartProcessInstanceCmd<?>) {
            throw refused(MODIFY);
        }
    }

    private static void checkStart(String businessKey, ProcessInstanceModificationBuilderImpl modification) {
        if (businessKey != null && !businessKey.isBlank()) {
            throw refused(OWN_BUSINESS_KEY);
        }
        if (modification != null && (!modification.getModificationOperations().isEmpty()
                || modification.isSkipCustomListeners() || modification.isSkipIoMappings())) {
            throw refused(START_ELSEWHERE);
        }
    }

    private static AuthorizationException refused(String danishMessage) {
        return new AuthorizationException(danishMessage);
    }
}
