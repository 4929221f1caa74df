package dk.supportflow.meetings;

import dk.supportflow.analysis.AnalysisRules;
import dk.supportflow.knowledge.KnowledgeArticle;
import dk.supportflow.knowledge.KnowledgeArticleRepository;
import dk.supportflow.knowledge.SolvedCase;
import dk.supportflow.knowledge.SolvedCases;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.privacy.Cpr;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposed agenda of a gangmøde: every open topic with its cases and the answers already
 * known for them (the articles they were solved with or that were written from them, else the
 * latest answer). Built from solved cases and articles, which hold no personal data; CPR-like
 * numbers are masked all the same.
 */
@Service
public class GangmoedeAgenda {

    /** Camunda keeps string variables in a 4000 character column. */
    static final int MAX_TEXT = 3800;
    private static final int ANSWER_LENGTH = 250;

    public record Agenda(List<MeetingTopic> topics, String text) {

        public String topicIds() {
            return topics.stream().map(t -> String.valueOf(t.getId())).collect(Collectors.joining(", "));
        }
    }

    private final MeetingTopicRepository topics;
    private final SolvedCases solvedCases;
    private final KnowledgeArticleRepository articles;
    private final RecurringErrors recurringErrors;
    private final PeopleDirectory people;

    public GangmoedeAgenda(MeetingTopicRepository topics, SolvedCases solvedCases, KnowledgeArticleRepository articles,
            RecurringErrors recurringErrors, PeopleDirectory people) {
        this.people = people;
        this.topics = topics;
        this.solvedCases = solvedCases;
        this.articles = articles;
        this.recurringErrors = recurringErrors;
    }

    @Transactional(readOnly = true)
    public Agenda propose() {
        List<MeetingTopic> open = topics.findByStatusOrderByCreatedAtAsc(MeetingTopic.Status.OPEN);
        StringBuilder text = new StringBuilder();
        for (MeetingTopic topic : open) {
            String entry = describe(topic);
            if (text.length() + entry.length() + 2 > MAX_TEXT) {
                text.append(text.isEmpty() ? "" : "\n\n").append("… og flere emner, som kan tages op ved et senere gangmøde.");
                break;
            }
            text.append(text.isEmpty() ? "" : "\n\n").append(entry);
        }
        return new Agenda(open, Cpr.maskInText(text.toString()));
    }

    /**
     * "Beregn tillæg – Brugerfejl", the name a topic goes by in forms, mails and the calendar; a
     * topic proposed by hand goes by the name it was given.
     */
    public static String name(MeetingTopic topic) {
        if (topic.getTitle() != null) {
            return topic.getTitle();
        }
        String errorClass = AnalysisRules.ERROR_CLASSES.getOrDefault(topic.pattern().errorClass(), "Forslag");
        return topic.pattern().component().isEmpty() ? errorClass + " uden angivet komponent"
                : topic.pattern().component() + " – " + errorClass;
    }

    private String describe(MeetingTopic topic) {
        StringBuilder entry = new StringBuilder("Emne " + topic.getId() + ": " + name(topic));
        if (topic.getProposedBy() != null) {
            entry.append("\n  Foreslået af ").append(people.displayName(topic.getProposedBy()))
                    .append(topic.getNote() == null ? "" : ": " + topic.getNote());
        }
        if (!ErrorPattern.PROPOSED.equals(topic.pattern().errorClass())) {
            entry.append("\n  ").append(recurringErrors.recentOccurrences(topic.pattern())).append(" forekomster de sidste ")
                    .append(recurringErrors.window().toDays()).append(" dage.");
        }
        if (!topic.getCaseNumbers().isEmpty()) {
            entry.append(" Sager: ").append(String.join(", ", topic.getCaseNumbers()));
        }
        List<KnowledgeArticle> known = knownArticles(topic);
        if (!known.isEmpty()) {
            known.forEach(a -> entry.append("\n  Artikel ").append(a.getId()).append(": ").append(a.getTitle())
                    .append(" – ").append(cut(a.getSolution())));
        } else {
            latestAnswer(topic).ifPresent(solved -> entry.append("\n  Kendt svar (sag ").append(solved.getCaseNumber())
                    .append("): ").append(cut(solved.getAnswer())));
        }
        return entry.toString();
    }

    /** The articles the topic's cases were solved with (most used first), then those written from its cases. */
    private List<KnowledgeArticle> knownArticles(MeetingTopic topic) {
        Map<Long, KnowledgeArticle> known = new LinkedHashMap<>();
        List<Long> used = recurringErrors.articlesUsed(topic);
        Map<Long, KnowledgeArticle> usedById = articles.findAllById(used).stream()
                .collect(Collectors.toMap(KnowledgeArticle::getId, a -> a));
        used.stream().map(usedById::get).filter(a -> a != null && !a.isRetired()).forEach(a -> known.put(a.getId(), a));
        articles.findByCaseNumberInAndRetiredAtIsNull(topic.getCaseNumbers()).forEach(a -> known.putIfAbsent(a.getId(), a));
        return List.copyOf(known.values());
    }

    private Optional<SolvedCase> latestAnswer(MeetingTopic topic) {
        return topic.getCaseNumbers().stream().map(solvedCases::find).flatMap(Optional::stream)
                .max(Comparator.comparing(SolvedCase::getSolvedAt));
    }

    private static String cut(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.length() > ANSWER_LENGTH ? t.substring(0, ANSWER_LENGTH) + " …" : t;
    }
}
