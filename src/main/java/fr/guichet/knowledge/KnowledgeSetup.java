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

    /** A top-level FAQ section an agent adds, shown next to that request category of the helpdesk. */
    public long section(AccountId agent, String name, long requestCategory) {
        return faq.addSection(agent, null, name, requestCategory);
    }

    /** A question and its answer in Markdown. */
    public long question(long section, AccountId agent, String question, String answerMarkdown) {
        return faq.save(agent, null, section, question, answerMarkdown);
    }
}
