package dk.supportflow.meetings;

import dk.supportflow.process.GangmoedeProcess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** When a planning round opens by itself: the timer start of {@code gangmoede} reads this cycle. */
@Component(GangmoedeProcess.Beans.SCHEDULE)
public class GangmoedeSchedule {

    private final String planningCycle;

    public GangmoedeSchedule(@Value("${supportflow.meetings.planning-cycle}") String planningCycle) {
        this.planningCycle = planningCycle;
    }

    /** A Camunda time cycle: a cron expression (seconds first) or an ISO 8601 repetition such as R/P7D. */
    public String getPlanningCycle() {
        return planningCycle;
    }
}
