package dk.supportflow.waitingtime;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.CaseClosed;
import dk.supportflow.cases.CaseFacts;
import dk.supportflow.cases.CaseView;
import dk.supportflow.cases.SupportCase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whose clock is it: the time a case has waited on the municipality, the reporter, the vendor
 * (MinSupport) and a failing integration. Derived from Camunda's history (the start and end of
 * the activities in {@link Party}) while the case is open; stored in {@code case_waiting_time}
 * when it is closed, because the history is removed 180 days after the case ends.
 */
@Service
public class CaseClock implements CaseFacts.WaitingTimes {

    private static final Logger LOG = LoggerFactory.getLogger(CaseClock.class);

    private final HistoryService historyService;
    private final CaseWaitingTimeRepository stored;
    private final AnsweredFigures answeredFigures;
    private final Clock clock;

    public CaseClock(HistoryService historyService, CaseWaitingTimeRepository stored, AnsweredFigures answeredFigures,
            Clock clock) {
        this.historyService = historyService;
        this.stored = stored;
        this.answeredFigures = answeredFigures;
        this.clock = clock;
    }

    /**
     * The waiting times as {@code GET /api/cases/{caseNumber}} shows them: stored for a closed
     * case, else from the history up to now. Empty when neither is there (a case closed before
     * the times were stored, whose history has been removed).
     */
    @Override
    @Transactional(readOnly = true)
    public Optional<CaseView.WaitingTime> of(SupportCase supportCase) {
        Optional<CaseWaitingTime> kept = supportCase.isClosed() ? stored.findByCaseNumber(supportCase.getCaseNumber())
                : Optional.empty();
        if (kept.isPresent()) {
            return Optional.of(kept.get().toWaitingTimes().toView());
        }
        return measure(supportCase.getProcessInstanceId(), clock.instant()).map(WaitingTimes::toView);
    }

    /**
     * The waiting times of a process instance from its start until it ended, or until {@code until}
     * while it runs. Empty when the history of the instance is gone.
     */
    public Optional<WaitingTimes> measure(String processInstanceId, Instant until) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        HistoricProcessInstance process = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (process == null) {
            return Optional.empty();
        }
        List<WaitingTimes.Wait> waits = new ArrayList<>();
        for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            for (Party party : Party.values()) {
                if (party.activityIds().contains(activity.getActivityId())) {
                    waits.add(new WaitingTimes.Wait(party, interval(activity)));
                }
            }
        }
        boolean ended = process.getEndTime() != null;
        Instant end = ended ? process.getEndTime().toInstant() : until;
        return Optional.of(WaitingTimes.account(process.getStartTime().toInstant(), end, ended, waits));
    }

    /**
     * Keeps the waiting times of a case that is being closed, counted up to its closing, in the
     * closing transaction; a repeated close keeps the first figures.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void caseClosed(CaseClosed closed) {
        recordClosed(closed.caseNumber(), closed.processInstanceId(), closed.closedAt());
    }

    private void recordClosed(String caseNumber, String processInstanceId, Instant closedAt) {
        if (stored.findByCaseNumber(caseNumber).isPresent()) {
            return;
        }
        HistoricProcessInstance process = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        Optional<WaitingTimes> times = measure(processInstanceId, closedAt);
        if (process == null || times.isEmpty()) {
            LOG.warn("No history for case {}: its waiting times are not stored", caseNumber);
            return;
        }
        Map<String, Object> vars = processVariables(List.of(processInstanceId)).getOrDefault(processInstanceId, Map.of());
        Instant end = process.getEndTime() == null ? closedAt : process.getEndTime().toInstant();
        CaseWaitingTime kept = stored.saveAndFlush(new CaseWaitingTime(caseNumber, process.getStartTime().toInstant(), end,
                times.get(), (String) vars.get(Vars.MINSUPPORT_CASE_NUMBER), (String) vars.get(Vars.TICKET_TYPE),
                (String) vars.get(Vars.CRITICALITY)));
        if (kept.getMinSupportCaseNumber() != null) {
            answeredFigures.recount(kept.getMinSupportCaseNumber());
        }
    }

    /**
     * Stores the waiting times of closed cases that have none yet (cases closed before they were
     * kept), while their history is still there. Runs at start-up; later starts find nothing to do.
     */
    @EventListener(ApplicationReadyEvent.class)
    public int backfill() {
        int count = 0;
        for (SupportCase supportCase : stored.findClosedCasesWithoutWaitingTime()) {
            try {
                recordClosed(supportCase.getCaseNumber(), supportCase.getProcessInstanceId(), supportCase.getClosedAt());
                if (stored.findByCaseNumber(supportCase.getCaseNumber()).isPresent()) {
                    count++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not store the waiting times of case {}: {}", supportCase.getCaseNumber(), e.toString());
            }
        }
        if (count > 0) {
            LOG.info("Stored the waiting times of {} closed cases from Camunda's history", count);
        }
        return count;
    }

    /** The process-level values of the MinSupport variables (case number, ticket type, criticality) per instance. */
    Map<String, Map<String, Object>> processVariables(List<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        return historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                .variableNameIn(Vars.MINSUPPORT_CASE_NUMBER, Vars.TICKET_TYPE, Vars.CRITICALITY)
                .disableBinaryFetching().list().stream()
                .filter(v -> v.getProcessInstanceId().equals(v.getExecutionId()) && v.getValue() != null)
                .collect(Collectors.groupingBy(HistoricVariableInstance::getProcessInstanceId,
                        Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> a)));
    }

    static Interval interval(HistoricActivityInstance activity) {
        Date end = activity.getEndTime();
        return new Interval(activity.getStartTime().toInstant(), end == null ? null : end.toInstant());
    }
}
