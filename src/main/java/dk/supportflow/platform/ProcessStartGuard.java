package dk.supportflow.platform;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ConditionEvaluationBuilderImpl;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.springframework.stereotype.Component;

/**
 * Processes start only the way people start them: from the start event, with every listener and
 * mapping, and with the business key the application gives them (a case's number). A logged-in
 * person who is not an administrator cannot start at an inner activity, skip listeners or
 * input/output mappings, choose a business key (a start, a start form, a message, a start
 * condition), modify, migrate or re-version a running instance or restart an ended one, on any
 * definition and whichever path the request took. The application itself (no engine
 * authentication: our API after Spring Security allowed the caller, jobs) and administrators keep
 * these means.
 */
@Component
public class ProcessStartGuard implements CommandGuard {

    static final String OWN_BUSINESS_KEY = "Du kan ikke selv vælge en forretningsnøgle; sagen får sit sagsnummer automatisk.";
    static final String START_ELSEWHERE = "Kun administratorer kan starte en proces et andet sted end ved dens start "
            + "eller springe dens lyttere og mapninger over.";
    static final String MODIFY = "Kun administratorer kan flytte, ændre, overføre til en anden version eller genstarte en proces.";

    @Override
    public void check(Command<?> command, CommandContext context) {
        String refusal = refusal(command);
        if (refusal != null && EngineCaller.of(context).isOrdinaryUser()) {
            throw new AuthorizationException(refusal);
        }
    }

    /** Why an ordinary user may not run the command, or null when it is one people may run. */
    private static String refusal(Command<?> command) {
        if (command instanceof StartProcessInstanceAtActivitiesCmd) {
            return START_ELSEWHERE;
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) CommandFields.read(command,
                    StartProcessInstanceCmd.class, "instantiationBuilder");
            return startRefusal(builder.getBusinessKey(), builder.getModificationBuilder());
        }
        if (command instanceof SubmitStartFormCmd) {
            return startRefusal((String) CommandFields.read(command, SubmitStartFormCmd.class, "businessKey"), null);
        }
        if (command instanceof AbstractCorrelateMessageCmd) {
            MessageCorrelationBuilderImpl builder = (MessageCorrelationBuilderImpl) CommandFields.read(command,
                    AbstractCorrelateMessageCmd.class, "builder");
            // the same key names the instance that a start message would create
            return startRefusal(builder.getBusinessKey(), null);
        }
        if (command instanceof EvaluateStartConditionCmd) {
            ConditionEvaluationBuilderImpl builder = (ConditionEvaluationBuilderImpl) CommandFields.read(command,
                    EvaluateStartConditionCmd.class, "builder");
            return startRefusal(builder.getBusinessKey(), null);
        }
        if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
                || command instanceof AbstractModificationCmd<?> || command instanceof AbstractRestartProcessInstanceCmd<?>
                || command instanceof AbstractMigrationCmd || command instanceof SetProcessDefinitionVersionCmd) {
            return MODIFY;
        }
        return null;
    }

    private static String startRefusal(String businessKey, ProcessInstanceModificationBuilderImpl modification) {
        if (businessKey != null && !businessKey.isBlank()) {
            return OWN_BUSINESS_KEY;
        }
        if (modification != null && (!modification.getModificationOperations().isEmpty()
                || modification.isSkipCustomListeners() || modification.isSkipIoMappings())) {
            return START_ELSEWHERE;
        }
        return null;
    }
}
