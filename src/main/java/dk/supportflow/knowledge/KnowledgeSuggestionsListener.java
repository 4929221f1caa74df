package dk.supportflow.knowledge;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.knowledge.search.KnowledgeHit;
import dk.supportflow.knowledge.search.KnowledgeKind;
import dk.supportflow.knowledge.search.KnowledgeQuery;
import dk.supportflow.platform.ClockConfig;
import dk.supportflow.process.SupportCaseProcess;
import dk.supportflow.tasks.FormDisplay;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Create listener of analyseError: when a case starts (and at every new round of analysis) the
 * known errors, articles and solved cases most like it are attached as two text variables that
 * the form shows, known errors first. A failing search never stops a case: it then shows none.
 */
@Component(SupportCaseProcess.Beans.KNOWLEDGE_SUGGESTIONS)
public class KnowledgeSuggestionsListener implements TaskListener {

    static final int KNOWN_ERRORS = 3;
    static final int OTHERS = 5;
    /** Camunda keeps string variables in a 4000 character column. */
    static final int MAX_TEXT = 3800;
    private static final int ANSWER_LENGTH = 300;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ClockConfig.ZONE);
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeSuggestionsListener.class);

    private final KnowledgeSearch search;
    private final FormDisplay display;

    public KnowledgeSuggestionsListener(KnowledgeSearch search, FormDisplay display) {
        this.search = search;
        this.display = display;
    }

    @Override
    public void notify(DelegateTask task) {
        String text = Stream.of(Vars.TITLE, Vars.ACTUAL, Vars.ERROR_MESSAGE)
                .map(task::getVariable).filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining("\n"));
        String component = (String) task.getVariable(Vars.COMPONENT);
        String knownErrors = "";
        String others = "";
        try {
            knownErrors = knownErrorsText(search.find(KnowledgeQuery.likeCase(text, component, null, KNOWN_ERRORS,
                    Set.of(KnowledgeKind.KNOWN_ERROR))));
            others = othersText(search.find(KnowledgeQuery.likeCase(text, component, null, OTHERS,
                    Set.of(KnowledgeKind.ARTICLE, KnowledgeKind.CASE))));
        } catch (RuntimeException e) {
            LOG.warn("No knowledge suggestions for case {}: the search failed", task.getExecution().getProcessBusinessKey(), e);
        }
        display.show(task, Vars.KNOWN_ERROR_SUGGESTIONS, knownErrors);
        display.show(task, Vars.KNOWLEDGE_SUGGESTIONS, others);
    }

    static String knownErrorsText(List<KnowledgeHit> hits) {
        return limited(hits.stream().map(h -> "• " + h.title() + (h.component() == null ? "" : " (" + h.component() + ")")
                + "\n  Midlertidig løsning: " + cut(h.answer())
                + (h.sourceLink() == null ? "" : "\n  Driftssiden: " + h.sourceLink())));
    }

    static String othersText(List<KnowledgeHit> hits) {
        return limited(hits.stream().map(h -> "• " + (h.caseNumber() != null ? "Sag " + h.caseNumber() : "Artikel " + h.id())
                + (h.component() == null ? "" : " · " + h.component())
                + (h.date() == null ? "" : " · " + DATE.format(h.date()))
                + ": " + h.title()
                + "\n  " + (h.caseNumber() != null ? "Svar" : "Løsning") + ": " + cut(h.answer())));
    }

    private static String limited(Stream<String> entries) {
        StringBuilder text = new StringBuilder();
        for (String entry : (Iterable<String>) entries::iterator) {
            if (text.length() + entry.length() + 2 > MAX_TEXT) {
                break;
            }
            text.append(text.isEmpty() ? "" : "\n\n").append(entry);
        }
        return text.toString();
    }

    private static String cut(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > ANSWER_LENGTH ? t.substring(0, ANSWER_LENGTH) + " …" : t;
    }
}
