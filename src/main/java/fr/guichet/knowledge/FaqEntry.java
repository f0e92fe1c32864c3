package fr.guichet.knowledge;

import fr.guichet.shared.SearchAnalysis;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/** A question and its answer, written by an agent in Markdown (rendered and sanitised when shown). */
@Entity
@Table(name = "faq_entry")
@Indexed(index = Faq.INDEX)
class FaqEntry {

    static final int QUESTION_LIMIT = 300;
    static final int ANSWER_LIMIT = 20000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "category_id")
    private long categoryId;

    @FullTextField(analyzer = SearchAnalysis.FRENCH, searchAnalyzer = SearchAnalysis.FRENCH_QUERY)
    private String question;

    @FullTextField(analyzer = SearchAnalysis.FRENCH, searchAnalyzer = SearchAnalysis.FRENCH_QUERY)
    private String answer;

    @Column(name = "sort_order")
    private int sortOrder;

    @Column(name = "updated_by")
    private Long updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected FaqEntry() {}

    FaqEntry(long categoryId, String question, String answer, long agent, Instant now) {
        change(categoryId, question, answer, agent, now);
    }

    void change(long newCategoryId, String newQuestion, String newAnswer, long agent, Instant now) {
        if (newQuestion == null || newQuestion.isBlank() || newQuestion.strip().length() > QUESTION_LIMIT) {
            throw new SheetRefused("knowledge.faq.refused.question-required");
        }
        if (newAnswer == null || newAnswer.isBlank() || newAnswer.strip().length() > ANSWER_LIMIT) {
            throw new SheetRefused("knowledge.faq.refused.answer-required");
        }
        this.categoryId = newCategoryId;
        this.question = newQuestion.strip();
        this.answer = newAnswer.strip();
        this.updatedBy = agent;
        this.updatedAt = now;
    }

    long id() {
        return id;
    }

    long categoryId() {
        return categoryId;
    }

    String question() {
        return question;
    }

    String answer() {
        return answer;
    }
}
