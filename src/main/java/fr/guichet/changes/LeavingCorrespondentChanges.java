package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** A correspondent who leaves the site (he may ask it himself); his account stays as it is. */
@Component
class LeavingCorrespondentChanges implements Chapter {

    private final CorrespondentSites reference;
    private final ChangeWords words;
    private final ObjectMapper json;

    LeavingCorrespondentChanges(CorrespondentSites reference, ChangeWords words, ObjectMapper json) {
        this.reference = reference;
        this.words = words;
        this.json = json;
    }

    @Override
    public ChangeKind kind() {
        return ChangeKind.LEAVING_CORRESPONDENT;
    }

    Draft draft(OrganizationId establishment, ProductId product, AccountId leaving, CorrespondentKind kind) {
        var named = reference.named(establishment, product).stream()
                .filter(n -> n.person().equals(leaving) && n.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new ChangeRefusal("changes.naming.not-named"));
        var before = Naming.of(named, named.contactEmail(), true);
        return new Draft(
                kind(),
                establishment,
                product,
                before.about(),
                json.writeValueAsString(before),
                json.writeValueAsString(before.leaving()));
    }

    @Override
    public boolean stillAsAsked(ChangeRequest request) {
        var leaving = read(request.after());
        return reference.lockNamed(request.establishment(), Objects.requireNonNull(request.product())).stream()
                .anyMatch(leaving::is);
    }

    @Override
    public void apply(AccountId agent, ChangeRequest request) {
        var leaving = read(request.after());
        reference.removeCorrespondent(
                agent,
                request.establishment(),
                Objects.requireNonNull(request.product()),
                new AccountId(leaving.accountId()),
                leaving.kind());
    }

    @Override
    public String describe(String data, Locale locale) {
        return read(data).describe(words, locale);
    }

    Naming read(String data) {
        return json.readValue(data, Naming.class);
    }
}
