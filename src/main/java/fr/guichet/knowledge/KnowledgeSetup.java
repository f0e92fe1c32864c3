package fr.guichet.knowledge;

import fr.guichet.account.AccountId;
import org.springframework.stereotype.Component;

/** The platform's own setting-up of the FAQ (demo data); agents get pages for the same. */
@Component
public class KnowledgeSetup {

    private final Faq faq;

    KnowledgeSetup(Faq faq) {
        this.faq = faq;
    }

    /** A top-level FAQ section, shown next to that request category of the helpdesk. */
    public long section(String name, long requestCategory) {
        return faq.addSection(null, name, requestCategory);
    }

    /** A question and its answer in Markdown. */
    public long question(long section, AccountId agent, String question, String answerMarkdown) {
        return faq.save(agent, null, section, question, answerMarkdown);
    }
}
