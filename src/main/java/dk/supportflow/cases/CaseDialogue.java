package dk.supportflow.cases;

import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.platform.ClockConfig;
import dk.supportflow.privacy.Cpr;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dialogue with MinSupport kept on the case: the vendor's questions and the reporter's
 * answers, oldest first. The case keeps every turn; the forms get it as text within what a
 * Camunda string variable holds, the newest turns kept.
 */
@Service
public class CaseDialogue {

    static final int MAX_TEXT = 3800;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ClockConfig.ZONE);

    private final DialogueRepository entries;
    private final PeopleDirectory people;
    private final Clock clock;

    public CaseDialogue(DialogueRepository entries, PeopleDirectory people, Clock clock) {
        this.entries = entries;
        this.people = people;
        this.clock = clock;
    }

    /** MinSupport asked the reporter something; returns the dialogue as text for the forms. */
    @Transactional
    public String minSupportAsked(SupportCase supportCase, String question) {
        return record(supportCase, DialogueEntry.MINSUPPORT, null, question);
    }

    /** The reporter answered; returns the dialogue as text for the forms. */
    @Transactional
    public String reporterAnswered(SupportCase supportCase, String answer) {
        return record(supportCase, DialogueEntry.REPORTER, supportCase.getReporter(), answer);
    }

    private String record(SupportCase supportCase, String party, String author, String text) {
        entries.save(new DialogueEntry(supportCase.getId(), clock.instant(), party, author, Cpr.maskInText(text.strip())));
        return asText(supportCase);
    }

    @Transactional(readOnly = true)
    public List<CaseView.DialogueLine> of(SupportCase supportCase) {
        return entries.findByCaseIdOrderBySaidAtAscIdAsc(supportCase.getId()).stream()
                .map(e -> new CaseView.DialogueLine(e.getSaidAt(), from(e), e.getText())).toList();
    }

    /** "05.12.2026 09:12 – MinSupport: …", oldest first; the oldest turns give way when it gets too long. */
    String asText(SupportCase supportCase) {
        List<String> lines = new ArrayList<>();
        int length = 0;
        List<CaseView.DialogueLine> all = of(supportCase);
        for (int i = all.size() - 1; i >= 0; i--) {
            CaseView.DialogueLine line = all.get(i);
            String text = WHEN.format(line.at()) + " – " + line.from() + ": " + line.text();
            if (lines.isEmpty() && text.length() > MAX_TEXT) {
                text = text.substring(0, MAX_TEXT) + "…";
            } else if (length + text.length() > MAX_TEXT) {
                lines.add(0, "… tidligere spørgsmål og svar står på sagen " + supportCase.getCaseNumber());
                break;
            }
            lines.add(0, text);
            length += text.length() + 2;
        }
        return String.join("\n\n", lines);
    }

    void erase(SupportCase supportCase) {
        entries.deleteByCaseId(supportCase.getId());
    }

    private String from(DialogueEntry entry) {
        return DialogueEntry.MINSUPPORT.equals(entry.getParty()) ? "MinSupport" : people.displayName(entry.getAuthor());
    }
}
