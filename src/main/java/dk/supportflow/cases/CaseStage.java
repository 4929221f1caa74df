package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** The three stages of the support-authorised user's work, derived from where the process is. */
public enum CaseStage {
    ANALYSIS("analysis", "Analyse",
            Set.of(Tasks.ANALYSE_ERROR, Elements.TASK_MAIL_QUESTION, Tasks.PROVIDE_MORE_INFO,
                    Elements.TIMER_WAIT_INTEGRATION, Tasks.RETRY_INTEGRATION)),
    MINSUPPORT("minSupport", "MinSupport",
            Set.of(Elements.TASK_SUGGEST_CRITICALITY, Tasks.PREPARE_MINSUPPORT_REPORT, Tasks.REPORT_TO_MINSUPPORT, Elements.SUBPROCESS_AWAIT_MINSUPPORT, Elements.TIMER_FOLLOW_UP_DUE,
                    Elements.TASK_MAIL_FOLLOW_UP_REMINDER, Tasks.FOLLOW_UP_MINSUPPORT, Elements.TASK_PASS_ON_QUESTION,
                    Tasks.ANSWER_MINSUPPORT_QUESTION, Elements.TASK_PASS_ON_FURTHER_QUESTION, Elements.TASK_PASS_ON_REPORTER_ANSWER,
                    Tasks.FORWARD_ANSWER)),
    KNOWLEDGE_SHARING("knowledgeSharing", "Vidensdeling",
            Set.of(Elements.TASK_MAIL_ANSWER, Tasks.PLAN_KNOWLEDGE_SHARING, Elements.TASK_MAIL_CASEWORKERS,
                    Elements.TASK_CLOSE_CASE, Elements.TASK_REGISTER_ERROR_PATTERN)),
    CLOSED("closed", "Lukket", Set.of());

    private final String key;
    private final String danishName;
    private final Set<String> activities;

    CaseStage(String key, String danishName, Set<String> activities) {
        this.key = key;
        this.danishName = danishName;
        this.activities = activities;
    }

    public String key() {
        return key;
    }

    public String danishName() {
        return danishName;
    }

    /** The stage with this key; analysis for a case the row has no stage for yet. */
    public static CaseStage ofKey(String key) {
        for (CaseStage stage : values()) {
            if (stage.key.equals(key)) {
                return stage;
            }
        }
        return ANALYSIS;
    }

    /** The stage this activity belongs to, if any. */
    public static Optional<CaseStage> ofActivity(String activityId) {
        for (CaseStage stage : values()) {
            if (stage.activities.contains(activityId)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    /** The latest stage any active activity belongs to; activities of the event subprocess are ignored. */
    public static CaseStage of(Collection<String> activeActivityIds) {
        CaseStage stage = ANALYSIS;
        for (CaseStage candidate : values()) {
            if (activeActivityIds.stream().anyMatch(candidate.activities::contains)) {
                stage = candidate;
            }
        }
        return stage;
    }
}
