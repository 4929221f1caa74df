package dk.supportflow.dashboard;

import dk.supportflow.CaseScenario;
import dk.supportflow.meetings.Gangmoede;
import dk.supportflow.meetings.GangmoedePlanning;
import dk.supportflow.meetings.MeetingPlan;
import dk.supportflow.meetings.MeetingTopic;
import dk.supportflow.meetings.MeetingTopicRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Data that every chart of the dashboard shows. */
public final class DashboardData {

    private DashboardData() {
    }

    /** Two user errors in a new component (a topic, covered by a gangmøde) and a critical case at MinSupport. */
    public static String seed(CaseScenario scenario, MeetingTopicRepository topics, GangmoedePlanning planning) {
        String component = "Dashboard " + UUID.randomUUID().toString().substring(0, 8);
        scenario.solveAndClose("Ydelsen kan ikke vælges", component, "userError", "Vælg ydelsen under Tillæg.");
        scenario.solveAndClose("Ydelsen kan stadig ikke vælges", component, "userError", "Vælg ydelsen under Tillæg.");
        MeetingTopic topic = topics.findAll().stream().filter(t -> t.pattern().component().equals(component))
                .findFirst().orElseThrow();
        Instant start = Instant.now().plus(Duration.ofDays(1));
        Gangmoede gangmoede = planning.plan("dashboard-" + component, new MeetingPlan(start, start.plus(Duration.ofMinutes(15)),
                "Kantinen", null, List.of(topic.getId())), "support1");
        planning.record(gangmoede.getId(), "Anna og Bo", "Vi viser vejen til Tillæg på skærmen.", "support1");
        var escalated = scenario.open("Beregningen stopper med en teknisk fejl");
        scenario.escalate(escalated.processInstanceId(), "MS-DASH-" + component.replace(" ", "-").toUpperCase(), "kritisk", "fejlsag", false);
        return component;
    }
}
