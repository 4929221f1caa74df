package dk.supportflow.meetings;

import dk.supportflow.notification.Mail;
import dk.supportflow.notification.MailOutbox;
import dk.supportflow.notification.Mails;
import dk.supportflow.people.Groups;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.platform.ClockConfig;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The gangmøde invitation: a Danish mail to every sagsbehandler, with the meeting as a calendar file. */
@Component
public class GangmoedeMails {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy", DANISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm", DANISH);
    private static final Logger LOG = LoggerFactory.getLogger(GangmoedeMails.class);

    private final MailOutbox outbox;
    private final PeopleDirectory people;
    private final Clock clock;
    private final String from;

    public GangmoedeMails(MailOutbox outbox, PeopleDirectory people, Clock clock,
            @Value("${supportflow.mail.from}") String from) {
        this.outbox = outbox;
        this.people = people;
        this.clock = clock;
        this.from = from;
    }

    /** "mandag den 7. december 2026 kl. 09.00–09.15", how the meeting's time reads in Danish. */
    static String when(Gangmoede gangmoede) {
        ZonedDateTime start = ZonedDateTime.ofInstant(gangmoede.getStartsAt(), ClockConfig.ZONE);
        ZonedDateTime end = ZonedDateTime.ofInstant(gangmoede.getEndsAt(), ClockConfig.ZONE);
        return DAY.format(start) + " kl. " + TIME.format(start) + "–" + TIME.format(end);
    }

    void invitation(Gangmoede gangmoede, List<MeetingTopic> topics) {
        List<String> recipients = people.emailsOfGroup(Groups.SAGSBEHANDLERE);
        if (recipients.isEmpty()) {
            LOG.warn("Gangmøde {}: no sagsbehandler has an e-mail address, no invitation sent", gangmoede.getId());
            return;
        }
        String organizer = people.emailOf(gangmoede.getPlannedBy()).orElse(from);
        byte[] ics = GangmoedeInvitation.ics(gangmoede, topics, organizer, recipients, clock.instant());
        StringBuilder body = new StringBuilder("Hej alle\n\n"
                + "Vi holder et kort gangmøde om fejl, vi ser igen og igen i KP, så vi sammen kan undgå dem.\n\n"
                + "Hvornår: " + when(gangmoede) + "\n");
        if (gangmoede.getPlace() != null) {
            body.append("Hvor: ").append(gangmoede.getPlace()).append('\n');
        }
        if (gangmoede.getOnlineLink() != null) {
            body.append("Online: ").append(gangmoede.getOnlineLink()).append('\n');
        }
        body.append("\nEmner:\n");
        topics.forEach(t -> body.append("- ").append(GangmoedeAgenda.name(t)).append(" (")
                .append(t.getCaseNumbers().size()).append(" sager)\n"));
        body.append("\nMødet ligger som kalenderfil i mailen (").append(GangmoedeInvitation.FILE_NAME)
                .append("): åbn den for at sætte mødet i din kalender.").append(Mails.SIGNATURE);
        String subject = "Invitation: Gangmøde " + when(gangmoede);
        outbox.enqueue(new Mail(null, "gangmoede-invitation", recipients, subject, body.toString(),
                new Mail.Attachment(GangmoedeInvitation.FILE_NAME, GangmoedeInvitation.CONTENT_TYPE, ics)));
    }
}
