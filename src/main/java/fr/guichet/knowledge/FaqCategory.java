package fr.guichet.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A section of the FAQ tree, which may be shown next to a request category of the helpdesk. */
@Entity
@Table(name = "faq_category")
class FaqCategory {

    static final int NAME_LIMIT = 150;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "parent_id")
    private Long parentId;

    private String name;

    @Column(name = "sort_order")
    private int sortOrder;

    @Column(name = "request_category_id")
    private Long requestCategoryId;

    protected FaqCategory() {}

    FaqCategory(Long parentId, String name, Long requestCategoryId) {
        if (name == null || name.isBlank() || name.strip().length() > NAME_LIMIT) {
            throw new SheetRefused("knowledge.faq.refused.name-required");
        }
        this.parentId = parentId;
        this.name = name.strip();
        this.requestCategoryId = requestCategoryId;
    }

    long id() {
        return id;
    }

    Long parentId() {
        return parentId;
    }

    String name() {
        return name;
    }

    int sortOrder() {
        return sortOrder;
    }

    Long requestCategoryId() {
        return requestCategoryId;
    }
}
