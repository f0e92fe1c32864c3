package fr.guichet.account;

/** What other modules see of a person: enough to list, contact and recognise him. */
public record PersonView(
        AccountId id,
        String email,
        Civility civility,
        String lastName,
        String firstName,
        String jobTitle,
        String phone,
        boolean active) {

    public String displayName() {
        return firstName + " " + lastName;
    }
}
