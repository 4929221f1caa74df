package dk.supportflow.knowledge;

import static dk.supportflow.cases.SupportCaseProcess.Tasks;
import static dk.supportflow.cases.SupportCaseProcess.Vars;

import dk.supportflow.cases.TaskInput;
import dk.supportflow.cases.TaskRules;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Stage 3, "Vidensdel": whether the answer goes to every caseworker, and with what message. */
@Component
public class KnowledgeSharingRules implements TaskRules {

    @Override
    public Set<String> taskKeys() {
        return Set.of(Tasks.PLAN_KNOWLEDGE_SHARING);
    }

    @Override
    public void check(String taskKey, TaskInput input) {
        if (input.flag(Vars.SHARE_WITH_CASEWORKERS)) {
            input.requireText(Vars.SHARE_MESSAGE, TaskInput.MAX_TEXT, "Skriv den besked, sagsbehandlerne skal have.");
        } else {
            input.optionalText(Vars.SHARE_MESSAGE, TaskInput.MAX_TEXT);
        }
    }
}
