package fr.guichet.account;

import fr.guichet.organization.OrganizationId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Large sets of active accounts, by what they chose or where they belong, as an announcement aims
 * at them: one query each, ids only, whatever their number.
 */
@Service
public class Populations {

    private static final int IDS_PER_QUERY = 1000;

    private final JdbcClient jdbc;

    Populations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Set<AccountId> everyone() {
        return ids(jdbc.sql("select id from account where status = 'ACTIVE'")
                .query(Long.class)
                .list());
    }

    /** Members (confirmed) of any of these organisations. */
    @Transactional(readOnly = true)
    public Set<AccountId> membersOf(Collection<OrganizationId> organizations) {
        return inSlices(organizations.stream().map(OrganizationId::value).toList(), """
                        select distinct a.id from account a join membership m on m.account_id = a.id
                        where a.status = 'ACTIVE' and m.status = 'CONFIRMED' and m.organization_id in (:ids)""");
    }

    @Transactional(readOnly = true)
    public Set<AccountId> interestedIn(Collection<InterestDomain> domains) {
        if (domains.isEmpty()) {
            return Set.of();
        }
        return ids(jdbc.sql("""
                        select distinct a.id from account a join account_interest_domain d on d.account_id = a.id
                        where a.status = 'ACTIVE' and d.domain in (:domains)""")
                .param("domains", domains.stream().map(Enum::name).toList())
                .query(Long.class)
                .list());
    }

    /** Those among these people who asked for the agency's newsletter at registration or since. */
    @Transactional(readOnly = true)
    public Set<AccountId> newsletterReaders(Collection<AccountId> people) {
        return inSlices(
                people.stream().map(AccountId::value).toList(),
                "select id from account where newsletter and id in (:ids)");
    }

    /** Those among these people whose account is active. */
    @Transactional(readOnly = true)
    public Set<AccountId> activeAmong(Collection<AccountId> people) {
        return inSlices(
                people.stream().map(AccountId::value).toList(),
                "select id from account where status = 'ACTIVE' and id in (:ids)");
    }

    /** The query once per thousand ids: a list of a hundred thousand is too long for one statement. */
    private Set<AccountId> inSlices(List<Long> ids, String sql) {
        var distinct = ids.stream().distinct().toList();
        var result = new HashSet<AccountId>();
        for (var from = 0; from < distinct.size(); from += IDS_PER_QUERY) {
            result.addAll(ids(jdbc.sql(sql)
                    .param("ids", distinct.subList(from, Math.min(from + IDS_PER_QUERY, distinct.size())))
                    .query(Long.class)
                    .list()));
        }
        return result;
    }

    private static Set<AccountId> ids(List<Long> ids) {
        return ids.stream().map(AccountId::new).collect(Collectors.toSet());
    }
}
