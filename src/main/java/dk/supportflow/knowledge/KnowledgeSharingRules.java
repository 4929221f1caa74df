package dk.supportflow.knowledge;

import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.privacy.Cpr;
import dk.supportflow.tasks.TaskInput;
import dk.supportflow.tasks.TaskRules;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Stage 3, "Vidensdel": whether the answer goes to every caseworker, with what message, and the
 * knowledge article the case was solved with, if any.
 */
@Component
public class KnowledgeSharingRules implements TaskRules {

    private final KnowledgeArticleRepository articles;

    public KnowledgeSharingRules(KnowledgeArticleRepository articles) {
        this.articles = articles;
    }

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
        String article = input.text(Vars.SOLVED_WITH_ARTICLE);
        if (article != null && articleNumber(article).filter(articles::existsById).isEmpty()) {
            input.problem("Vidensartikel '" + Cpr.maskInText(article) + "' findes ikke. Skriv nummeret på en artikel, eller lad feltet stå tomt.");
        }
    }

    /** The article number as a form's number field or a typed text gives it ("12", "12.0"). */
    public static Optional<Long> articleNumber(Object value) {
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        try {
            double number = Double.parseDouble(value.toString().strip());
            return number == Math.rint(number) && number > 0 ? Optional.of((long) number) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
