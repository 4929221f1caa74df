package dk.supportflow.minsupport;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.CaseProcesses;
import dk.supportflow.domain.Refused;
import dk.supportflow.platform.JobLease;
import dk.supportflow.privacy.Cpr;
import dk.supportflow.process.SupportCaseProcess;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An answer or a question from MinSupport reaches every case that waits on that MinSupport case.
 * One that comes before any case waits on the number (MinSupport was quick, or a case follows an
 * existing MinSupport case later) is kept in the inbox and delivered as soon as a case waits.
 */
@Service
public class MinSupportAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(MinSupportAnswers.class);
    static final String INBOX_LEASE = "minsupport-inbox";

    /** What came of an answer or a question: the cases it reached, or kept until a case waits. */
    public record Outcome(List<String> caseNumbers, boolean kept) {
    }

    private final CaseProcesses processes;
    private final InboxRepository inbox;
    private final TransactionTemplate transactions;
    private final JobLease lease;
    private final Clock clock;

    public MinSupportAnswers(CaseProcesses processes, InboxRepository inbox, TransactionTemplate transactions,
            JobLease lease, Clock clock) {
        this.processes = processes;
        this.inbox = inbox;
        this.transactions = transactions;
        this.lease = lease;
        this.clock = clock;
    }

    /**
     * Returns the case numbers that received the answer (none when it is kept for later). For a
     * change request the answer may carry MinSupport's decision (accepted, rejected, planned).
     */
    public List<String> receive(String typedNumber, String answer, String changeRequestOutcome) {
        return answer(typedNumber, answer, changeRequestOutcome).caseNumbers();
    }

    public Outcome answer(String typedNumber, String answer, String changeRequestOutcome) {
        return deliverOrKeep(MinSupportNumbers.normalise(typedNumber), InboxEntry.Kind.answer, Cpr.maskInText(answer.strip()),
                changeRequestOutcome);
    }

    /**
     * MinSupport asks something only the reporter can answer: the question goes to the reporter
     * of every case waiting on the MinSupport case (one already answering a question gets this
     * one as well), or waits in the inbox.
     */
    public Outcome ask(String typedNumber, String question) {
        return deliverOrKeep(MinSupportNumbers.normalise(typedNumber), InboxEntry.Kind.question,
                Cpr.maskInText(question.strip()), null);
    }

    /** What waits in the inbox (unmatched) or everything lately received, newest first. */
    public List<InboxEntry> inbox(boolean unmatchedOnly) {
        return unmatchedOnly ? inbox.findByDeliveredAtIsNullOrderByIdDesc() : inbox.findAllByOrderByIdDesc(Limit.of(200));
    }

    private Outcome deliverOrKeep(String number, InboxEntry.Kind kind, String text, String changeRequestOutcome) {
        return transactions.execute(status -> {
            List<String> reached = deliver(number, kind, text, changeRequestOutcome);
            if (!reached.isEmpty()) {
                return new Outcome(reached, false);
            }
            if (!processes.casesWithMinSupportCase(number).isEmpty()) {
                // between two steps (a mail being written, a follow-up being registered): the next moment it waits again
                throw Refused.conflict("Sagen med MinSupport-sag " + number
                        + " er midt i et skridt lige nu. Prøv igen om et øjeblik.");
            }
            inbox.save(new InboxEntry(number, kind, text, changeRequestOutcome, clock.instant()));
            return new Outcome(List.of(), true);
        });
    }

    /** Delivers what waits in the inbox to cases that now wait on its MinSupport case, oldest first. */
    @Scheduled(fixedDelayString = "${supportflow.minsupport.inbox-interval}")
    public int deliverWaiting() {
        if (!lease.take(INBOX_LEASE, Duration.ofMinutes(5))) {
            return 0;
        }
        int delivered = 0;
        try {
            for (InboxEntry entry : inbox.findByDeliveredAtIsNullOrderByIdAsc()) {
                Boolean done = transactions.execute(status -> {
                    List<String> reached = deliver(entry.getMinSupportCaseNumber(), entry.getKind(), entry.getText(),
                            entry.getChangeRequestOutcome());
                    if (reached.isEmpty()) {
                        return false;
                    }
                    InboxEntry fresh = inbox.findById(entry.getId()).orElseThrow();
                    fresh.delivered(clock.instant(), String.join(",", reached));
                    inbox.save(fresh);
                    return true;
                });
                delivered += Boolean.TRUE.equals(done) ? 1 : 0;
            }
        } catch (RuntimeException e) {
            // tried again at the next round; the entry stays in the inbox
            LOG.warn("MinSupport inbox: delivery failed ({}); tried again later", e.getClass().getSimpleName());
        } finally {
            lease.giveBack(INBOX_LEASE);
        }
        return delivered;
    }

    private List<String> deliver(String number, InboxEntry.Kind kind, String text, String changeRequestOutcome) {
        if (kind == InboxEntry.Kind.answer) {
            Map<String, Object> answer = new HashMap<>();
            answer.put(Vars.MINSUPPORT_ANSWER, text);
            answer.put(Vars.MINSUPPORT_ANSWERED, true);
            if (changeRequestOutcome != null) {
                answer.put(Vars.CHANGE_REQUEST_OUTCOME, changeRequestOutcome);
            }
            return processes.sendToMinSupportCase(number, SupportCaseProcess.Messages.MINSUPPORT_ANSWER_RECEIVED, answer);
        }
        return processes.sendToMinSupportCase(number, SupportCaseProcess.Messages.MINSUPPORT_QUESTION_RECEIVED,
                Map.of(Vars.MINSUPPORT_QUESTION, text));
    }
}
