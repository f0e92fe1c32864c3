package fr.guichet.organization;

import java.util.List;

/** A type of organisation and the roles it allows, in the reader's language. */
public record OrganizationTypeView(String code, String label, List<RoleView> roles) {

    public List<RoleView> rolesOf(String serviceCode) {
        return roles.stream().filter(r -> r.serviceCode().equals(serviceCode)).toList();
    }

    public boolean allows(String serviceCode, String roleCode) {
        return roles.stream()
                .anyMatch(r -> r.serviceCode().equals(serviceCode) && r.code().equals(roleCode));
    }
}
