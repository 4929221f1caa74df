package dk.supportflow.meetings;

import static dk.supportflow.process.GangmoedeProcess.Vars;

import dk.supportflow.platform.ClockConfig;
import dk.supportflow.privacy.Cpr;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads what the planner entered on planGangmoede (date, time, length, place or link, topics)
 * into a {@link MeetingPlan}, with every problem as a Danish sentence. Used by the form's rules
 * when the task is completed and by the invitation task that follows.
 */
@Component
public class MeetingPlans {

    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 240;
    static final int MAX_PLACE = 200;
    static final int MAX_LINK = 500;

    /**
     * The plan (null when date, time or length cannot be read) and the problems that keep the task
     * open. The invitation task after it takes the plan as completed, even if, say, a topic has
     * been planned elsewhere in between: those topics are then left out.
     */
    public record Result(MeetingPlan plan, List<String> problems) {
    }

    private final MeetingTopicRepository topics;
    private final Clock clock;

    public MeetingPlans(MeetingTopicRepository topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    public Result read(Function<String, Object> variables) {
        List<String> problems = new ArrayList<>();
        LocalDate date = parse(variables.apply(Vars.MEETING_DATE), LocalDate::parse, "Vælg mødets dato.",
                "Datoen skal skrives som åååå-mm-dd.", problems);
        LocalTime time = parse(variables.apply(Vars.MEETING_TIME), LocalTime::parse, "Vælg, hvornår mødet begynder.",
                "Klokkeslættet skal skrives som tt:mm.", problems);
        int minutes = minutes(variables.apply(Vars.DURATION_MINUTES), problems);
        // the place goes into every invitation: no CPR-like number in it
        String place = Optional.ofNullable(text(variables.apply(Vars.PLACE))).map(Cpr::maskInText).orElse(null);
        String link = text(variables.apply(Vars.ONLINE_LINK));
        if (place == null && link == null) {
            problems.add("Skriv, hvor mødet holdes, eller et link til et onlinemøde.");
        }
        if (place != null && place.length() > MAX_PLACE) {
            problems.add("Stedet må højst være " + MAX_PLACE + " tegn.");
        }
        if (link != null && !isWebLink(link)) {
            problems.add("Linket til onlinemødet skal begynde med https:// eller http://.");
        }
        List<Long> topicIds = topicIds(variables.apply(Vars.TOPIC_IDS), problems);
        MeetingPlan plan = null;
        if (date != null && time != null && minutes > 0) {
            var start = date.atTime(time).atZone(ClockConfig.ZONE).toInstant();
            if (!start.isAfter(clock.instant())) {
                problems.add("Mødet skal ligge i fremtiden.");
            }
            plan = new MeetingPlan(start, start.plus(Duration.ofMinutes(minutes)), place, link, topicIds);
        }
        return new Result(plan, problems);
    }

    private List<Long> topicIds(Object value, List<String> problems) {
        String text = text(value);
        if (text == null) {
            problems.add("Vælg mindst ét emne: skriv emnernes numre, adskilt af komma.");
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : text.split("[,;\\s]+")) {
            String number = part.replaceFirst("^#", "");
            if (number.isEmpty()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(number));
            } catch (NumberFormatException e) {
                problems.add("'" + number + "' er ikke et emnenummer. Skriv emnernes numre, adskilt af komma.");
                return List.of();
            }
        }
        List<Long> open = topics.findAllById(ids).stream().filter(t -> t.getStatus() == MeetingTopic.Status.OPEN)
                .map(MeetingTopic::getId).toList();
        List<Long> unknown = ids.stream().filter(id -> !open.contains(id)).toList();
        if (!unknown.isEmpty()) {
            problems.add("Emne " + unknown.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow()
                    + " findes ikke eller er allerede planlagt på et andet gangmøde.");
        } else if (ids.isEmpty()) {
            problems.add("Vælg mindst ét emne: skriv emnernes numre, adskilt af komma.");
        }
        return List.copyOf(ids);
    }

    private static int minutes(Object value, List<String> problems) {
        if (value == null || value.toString().isBlank()) {
            problems.add("Skriv, hvor mange minutter mødet varer.");
            return 0;
        }
        try {
            double number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
            if (number != Math.rint(number) || number < MIN_MINUTES || number > MAX_MINUTES) {
                problems.add("Mødets længde skal være et helt antal minutter mellem " + MIN_MINUTES + " og " + MAX_MINUTES + ".");
                return 0;
            }
            return (int) number;
        } catch (NumberFormatException e) {
            problems.add("Mødets længde skal være et antal minutter.");
            return 0;
        }
    }

    private static <T> T parse(Object value, Function<String, T> parser, String missing, String malformed,
            List<String> problems) {
        String text = text(value);
        if (text == null) {
            problems.add(missing);
            return null;
        }
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            problems.add(malformed);
            return null;
        }
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = URI.create(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && link.length() <= MAX_LINK;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
