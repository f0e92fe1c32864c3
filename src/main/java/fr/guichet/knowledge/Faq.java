package fr.guichet.knowledge;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.PublishableTickets;
import fr.guichet.shared.Markdown;
import fr.guichet.shared.NotFoundException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The FAQ: a tree of sections, questions and answers; searched with the knowledge base's engine. */
@Service
class Faq {

    static final String INDEX = "faq";
    private static final int FOUND_LIMIT = 50;

    /** A question as the public reads it: its answer already rendered and sanitised. */
    record Question(long id, long categoryId, String question, String answerMarkdown, String answerHtml) {}

    record Section(long id, String name, int depth, Long requestCategoryId, List<Question> questions) {}

    private final FaqCategoryRepository categories;
    private final FaqEntryRepository entries;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final PublishableTickets helpdesk;
    private final Clock clock;

    Faq(
            FaqCategoryRepository categories,
            FaqEntryRepository entries,
            EntityManager entityManager,
            ApplicationEventPublisher events,
            PublishableTickets helpdesk,
            Clock clock) {
        this.helpdesk = helpdesk;
        this.categories = categories;
        this.entries = entries;
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
    }

    /** Every section in tree order, with its questions. */
    @Transactional(readOnly = true)
    List<Section> tree() {
        var all = categories.findAll();
        Map<Long, List<Question>> questions = entries.findAll().stream()
                .sorted(Comparator.comparingLong(FaqEntry::id))
                .map(Faq::question)
                .collect(Collectors.groupingBy(Question::categoryId));
        var sections = new ArrayList<Section>();
        place(null, 0, all, questions, sections);
        return sections;
    }

    private static void place(
            Long parent,
            int depth,
            List<FaqCategory> all,
            Map<Long, List<Question>> questions,
            List<Section> sections) {
        all.stream()
                .filter(c -> Objects.equals(c.parentId(), parent))
                .sorted(Comparator.comparingInt(FaqCategory::sortOrder).thenComparing(FaqCategory::name))
                .forEach(c -> {
                    sections.add(new Section(
                            c.id(), c.name(), depth, c.requestCategoryId(), questions.getOrDefault(c.id(), List.of())));
                    place(c.id(), depth + 1, all, questions, sections);
                });
    }

    @Transactional(readOnly = true)
    List<Question> search(String words) {
        if (words == null || words.isBlank()) {
            return List.of();
        }
        var text = words.length() > KnowledgeQuery.WORDS_LIMIT ? words.substring(0, KnowledgeQuery.WORDS_LIMIT) : words;
        return Search.session(entityManager)
                .search(FaqEntry.class)
                .where(f -> f.simpleQueryString()
                        .field("question")
                        .boost(2f)
                        .field("answer")
                        .matching(text)
                        .defaultOperator(BooleanOperator.AND))
                .fetchHits(FOUND_LIMIT)
                .stream()
                .map(Faq::question)
                .toList();
    }

    /** The questions of the sections shown next to this request category. */
    @Transactional(readOnly = true)
    List<Question> forRequestCategory(long requestCategory) {
        var sections = categories.findByRequestCategoryId(requestCategory).stream()
                .map(FaqCategory::id)
                .toList();
        return sections.isEmpty()
                ? List.of()
                : entries.findByCategoryIdInOrderById(sections).stream()
                        .map(Faq::question)
                        .toList();
    }

    @Transactional(readOnly = true)
    Question question(long id) {
        return entries.findById(id).map(Faq::question).orElseThrow(NotFoundException::new);
    }

    @Transactional
    long addSection(AccountId agent, Long parent, String name, Long requestCategory) {
        if (parent != null && !categories.existsById(parent)) {
            throw new SheetRefused("knowledge.faq.refused.unknown-category");
        }
        if (requestCategory != null && !helpdesk.requestCategoryExists(requestCategory)) {
            throw new SheetRefused("knowledge.faq.refused.unknown-request-category");
        }
        var id = categories.save(new FaqCategory(parent, name, requestCategory)).id();
        events.publishEvent(new KnowledgeChanged(agent, "FAQ_SECTION_ADDED", "faq section " + id, clock.instant()));
        return id;
    }

    @Transactional
    long save(AccountId agent, Long id, long category, String question, String answer) {
        if (!categories.existsById(category)) {
            throw new SheetRefused("knowledge.faq.refused.unknown-category");
        }
        if (id == null) {
            var added = entries.save(new FaqEntry(category, question, answer, agent.value(), clock.instant()))
                    .id();
            events.publishEvent(
                    new KnowledgeChanged(agent, "FAQ_QUESTION_ADDED", "faq question " + added, clock.instant()));
            return added;
        }
        var entry = entries.findById(id).orElseThrow(NotFoundException::new);
        entry.change(category, question, answer, agent.value(), clock.instant());
        events.publishEvent(new KnowledgeChanged(agent, "FAQ_QUESTION_CHANGED", "faq question " + id, clock.instant()));
        return entry.id();
    }

    @Transactional
    void delete(AccountId agent, long id) {
        entries.delete(entries.findById(id).orElseThrow(NotFoundException::new));
        events.publishEvent(new KnowledgeChanged(agent, "FAQ_QUESTION_DELETED", "faq question " + id, clock.instant()));
    }

    private static Question question(FaqEntry entry) {
        return new Question(
                entry.id(), entry.categoryId(), entry.question(), entry.answer(), Markdown.toSafeHtml(entry.answer()));
    }
}
