package dk.supportflow.meetings;

import dk.supportflow.platform.ClockConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

/**
 * The calendar invitation (.ics, RFC 5545) of a gangmøde, in Danish time (Europe/Copenhagen,
 * with its VTIMEZONE so every calendar places it right across summer time).
 */
final class GangmoedeInvitation {

    static final String FILE_NAME = "gangmoede.ics";
    static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";
    static final String SUMMARY = "Gangmøde: fejl vi ser igen og igen";
    private static final TimeZoneRegistry TIME_ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private GangmoedeInvitation() {
    }

    /** The same UID for every mail of one gangmøde: calendars treat them as one meeting. */
    static String uid(Gangmoede gangmoede) {
        return "gangmoede-" + gangmoede.getId() + "-" + gangmoede.getProcessInstanceId() + "@supportflow";
    }

    static byte[] ics(Gangmoede gangmoede, List<MeetingTopic> topics, String organizerEmail, List<String> attendees,
            Instant stamp) {
        VEvent event = new VEvent(ZonedDateTime.ofInstant(gangmoede.getStartsAt(), ClockConfig.ZONE),
                ZonedDateTime.ofInstant(gangmoede.getEndsAt(), ClockConfig.ZONE), SUMMARY);
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid(gangmoede)));
        event.add(new Sequence("0"));
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Description(description(topics, gangmoede.getOnlineLink())));
        String where = gangmoede.getPlace() != null ? gangmoede.getPlace() : gangmoede.getOnlineLink();
        event.add(new Location(where));
        if (gangmoede.getOnlineLink() != null) {
            event.add(new Url(URI.create(gangmoede.getOnlineLink())));
        }
        event.add(new Organizer(URI.create("mailto:" + organizerEmail)).add(new Cn("De supportberettigede")));
        for (String attendee : attendees) {
            event.add(new Attendee(URI.create("mailto:" + attendee)).add(Role.REQ_PARTICIPANT)
                    .add(PartStat.NEEDS_ACTION).add(Rsvp.FALSE));
        }
        Calendar calendar = new Calendar()
                .withProdId("-//Supportflow//Gangmoede//DA")
                .withDefaults()
                .withProperty(ImmutableMethod.REQUEST)
                .withComponent(copenhagen())
                .withComponent(event)
                .getFluentTarget();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The VTIMEZONE for the TZID=Europe/Copenhagen that DTSTART and DTEND carry. Since tzdata 2025a
     * Copenhagen is a link to Berlin, and ical4j's definition is named Europe/Berlin; the rules are
     * the same, so the definition is copied under the name the event refers to.
     */
    private static VTimeZone copenhagen() {
        VTimeZone zone = TIME_ZONES.getTimeZone(ClockConfig.ZONE.getId()).getVTimeZone().copy();
        zone.replace(new TzId(ClockConfig.ZONE.getId()));
        zone.removeAll(Property.TZURL, "X-LIC-LOCATION");
        return zone;
    }

    private static String description(List<MeetingTopic> topics, String onlineLink) {
        StringBuilder text = new StringBuilder("Et kort gangmøde om fejl, vi ser igen og igen i KP.\n\nEmner:\n");
        topics.forEach(t -> text.append("- ").append(GangmoedeAgenda.name(t)).append(" (")
                .append(t.getCaseNumbers().size()).append(" sager)\n"));
        if (onlineLink != null) {
            text.append("\nOnline: ").append(onlineLink).append('\n');
        }
        return text.toString();
    }
}
