package dk.supportflow.meetings;

import java.time.Instant;
import java.util.List;

/** What the planner chose on planGangmoede: when, where and which topics. */
public record MeetingPlan(Instant startsAt, Instant endsAt, String place, String onlineLink, List<Long> topicIds) {
}
