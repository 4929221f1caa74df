package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Waiting;

import dk.supportflow.process.SupportCaseProcess;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of cases from the case rows, filtered, sorted and a page at a time: a superbruger's own
 * cases, every case for the supportberettigede. Counted up to {@link #COUNT_LIMIT}. Whom a case waits on comes from the row (MinSupport)
 * and from the few running processes that wait on a reporter or an integration.
 */
@Service
public class CaseList {

    public static final int PAGE_SIZE = 25;
    /**
     * Counted this far and no further: a list longer than this is narrowed with the filters, not
     * paged through (and counting or skipping 100 000 rows on every request would cost more than
     * the page itself).
     */
    public static final int COUNT_LIMIT = 1000;

    /** Whom an open case waits on (docs/process-guide.md, "Hvem venter vi på?"). */
    public enum WaitingOn {
        MUNICIPALITY("kommunen", "Supportberettiget"),
        REPORTER("superbruger", "Superbrugeren"),
        VENDOR("minsupport", "MinSupport"),
        INTEGRATION("integration", "En integration");

        private final String code;
        private final String danishName;

        WaitingOn(String code, String danishName) {
            this.code = code;
            this.danishName = danishName;
        }

        public String code() {
            return code;
        }

        public String danishName() {
            return danishName;
        }

        static WaitingOn ofCode(String code) {
            for (WaitingOn w : values()) {
                if (w.code.equals(code)) {
                    return w;
                }
            }
            return null;
        }
    }

    /** The orders a list can have; newest first unless chosen. */
    public enum Order {
        NEWEST("nyeste", "Nyeste først", Sort.by(Sort.Direction.DESC, "createdAt", "id")),
        OLDEST("aeldste", "Ældste først", Sort.by(Sort.Direction.ASC, "createdAt", "id")),
        CASE_NUMBER("sagsnummer", "Sagsnummer", Sort.by(Sort.Direction.DESC, "caseNumber")),
        TITLE("titel", "Titel (A–Å)", Sort.by(Sort.Direction.ASC, "title", "id"));

        private final String code;
        private final String danishName;
        private final Sort sort;

        Order(String code, String danishName, Sort sort) {
            this.code = code;
            this.danishName = danishName;
            this.sort = sort;
        }

        public String code() {
            return code;
        }

        public String danishName() {
            return danishName;
        }

        static Order ofCode(String code) {
            for (Order o : values()) {
                if (o.code.equals(code)) {
                    return o;
                }
            }
            return NEWEST;
        }
    }

    /**
     * What to list. {@code stage}: a stage key ({@link CaseStage#key()}), "open" for every open
     * case, or null/blank for all; the other filters null/blank for any.
     */
    public record Filter(String stage, String kind, String waitingOn, String criticality, String component, String text,
            String order, int page) {
    }

    /** A case as a list shows it. {@code waitingOn} is null for a closed case. */
    public record Row(String caseNumber, String title, String reporter, String kind, CaseStage stage, String criticality,
            String component, Instant createdAt, Instant closedAt, Duration age, WaitingOn waitingOn) {
    }

    /** {@code total} is counted up to {@link #COUNT_LIMIT}; {@code more} when there are more than that. */
    public record Result(List<Row> rows, long total, boolean more, int page, int pages) {
    }

    private final EntityManager entityManager;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public CaseList(EntityManager entityManager, TaskService taskService, RuntimeService runtimeService, Clock clock) {
        this.entityManager = entityManager;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** The cases the user may see that match the filter; {@code reporter} null for every reporter. */
    @Transactional(readOnly = true)
    public Result list(Filter filter, String reporter) {
        Map<String, WaitingOn> waiting = waitingOutsideTheRow();
        Specification<SupportCase> spec = matching(filter, reporter, waiting);
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();

        CriteriaQuery<Long> ids = cb.createQuery(Long.class);
        Root<SupportCase> counted = ids.from(SupportCase.class);
        ids.select(counted.get("id")).where(spec.toPredicate(counted, ids, cb));
        int total = entityManager.createQuery(ids).setMaxResults(COUNT_LIMIT + 1).getResultList().size();
        boolean more = total > COUNT_LIMIT;
        total = Math.min(total, COUNT_LIMIT);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(0, filter.page()), pages - 1);

        CriteriaQuery<SupportCase> query = cb.createQuery(SupportCase.class);
        Root<SupportCase> root = query.from(SupportCase.class);
        query.select(root).where(spec.toPredicate(root, query, cb))
                .orderBy(Order.ofCode(filter.order()).sort.stream()
                        .map(o -> o.isAscending() ? cb.asc(root.get(o.getProperty())) : cb.desc(root.get(o.getProperty())))
                        .toList());
        List<SupportCase> found = entityManager.createQuery(query).setFirstResult(page * PAGE_SIZE).setMaxResults(PAGE_SIZE)
                .getResultList();
        Instant now = clock.instant();
        return new Result(found.stream().map(c -> row(c, waiting, now)).toList(), total, more, page, pages);
    }

    private static Row row(SupportCase c, Map<String, WaitingOn> waiting, Instant now) {
        boolean closed = c.isClosed();
        WaitingOn on = closed ? null
                : c.isAwaitingMinSupport() ? WaitingOn.VENDOR
                : waiting.getOrDefault(c.getProcessInstanceId(), WaitingOn.MUNICIPALITY);
        Duration age = Duration.between(c.getCreatedAt(), closed ? c.getClosedAt() : now);
        return new Row(c.getCaseNumber(), c.getTitle(), c.getReporter(), c.getKind(),
                closed ? CaseStage.CLOSED : c.getStage(), closed ? null : c.getCriticality(), c.getComponent(),
                c.getCreatedAt(), c.getClosedAt(), age, on);
    }

    /**
     * The running cases that wait on a reporter or an integration, by process instance: few (the
     * open cases of a municipality), so read from the engine on each request.
     */
    private Map<String, WaitingOn> waitingOutsideTheRow() {
        Map<String, WaitingOn> waiting = new HashMap<>();
        for (Task task : taskService.createTaskQuery().processDefinitionKey(SupportCaseProcess.PROCESS_KEY)
                .taskDefinitionKeyIn(Waiting.ON_REPORTER.toArray(String[]::new)).list()) {
            waiting.put(task.getProcessInstanceId(), WaitingOn.REPORTER);
        }
        for (String activity : Waiting.ON_INTEGRATION) {
            for (Execution execution : runtimeService.createExecutionQuery()
                    .processDefinitionKey(SupportCaseProcess.PROCESS_KEY).activityId(activity).list()) {
                waiting.put(execution.getProcessInstanceId(), WaitingOn.INTEGRATION);
            }
        }
        return waiting;
    }

    private static Specification<SupportCase> matching(Filter filter, String reporter, Map<String, WaitingOn> waiting) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (reporter != null) {
                where.add(cb.equal(root.get("reporter"), reporter));
            }
            String stage = blankToNull(filter.stage());
            if ("open".equals(stage)) {
                where.add(cb.isNull(root.get("closedAt")));
            } else if (CaseStage.CLOSED.key().equals(stage)) {
                where.add(cb.isNotNull(root.get("closedAt")));
            } else if (stage != null) {
                where.add(cb.isNull(root.get("closedAt")));
                CaseStage wanted = CaseStage.ofKey(stage);
                where.add(wanted == CaseStage.ANALYSIS
                        ? cb.or(cb.equal(root.get("stage"), wanted.key()), cb.isNull(root.get("stage")))
                        : cb.equal(root.get("stage"), wanted.key()));
            }
            if (blankToNull(filter.kind()) != null) {
                where.add(cb.equal(root.get("kind"), filter.kind()));
            }
            if (blankToNull(filter.criticality()) != null) {
                where.add(cb.isNull(root.get("closedAt")));
                where.add(cb.equal(root.get("criticality"), filter.criticality()));
            }
            if (blankToNull(filter.component()) != null) {
                where.add(cb.equal(cb.lower(root.get("component")), filter.component().strip().toLowerCase(Locale.ROOT)));
            }
            String text = blankToNull(filter.text());
            if (text != null) {
                String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                // a case number is found whole (its unique index); a title by the words in it (on
                // PostgreSQL a trigram index, V20)
                where.add(cb.or(cb.like(cb.lower(root.get("title")), like, '\\'),
                        cb.equal(root.get("caseNumber"), text.strip().toUpperCase(Locale.ROOT))));
            }
            WaitingOn on = WaitingOn.ofCode(blankToNull(filter.waitingOn()) == null ? "" : filter.waitingOn());
            if (on != null) {
                where.add(cb.isNull(root.get("closedAt")));
                Set<String> elsewhere = new HashSet<>();
                Set<String> here = new HashSet<>();
                waiting.forEach((instance, party) -> (party == on ? here : elsewhere).add(instance));
                switch (on) {
                    case VENDOR -> where.add(cb.isTrue(root.get("awaitingMinSupport")));
                    case REPORTER, INTEGRATION -> where.add(here.isEmpty() ? cb.disjunction()
                            : cb.and(root.get("processInstanceId").in(here), cb.isFalse(root.get("awaitingMinSupport"))));
                    case MUNICIPALITY -> {
                        where.add(cb.isFalse(root.get("awaitingMinSupport")));
                        if (!elsewhere.isEmpty()) {
                            where.add(cb.or(cb.isNull(root.get("processInstanceId")),
                                    cb.not(root.get("processInstanceId").in(elsewhere))));
                        }
                    }
                }
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
