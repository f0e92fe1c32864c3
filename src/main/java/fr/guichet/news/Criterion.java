package fr.guichet.news;

/** The sorts of people an announcement can be aimed at; each value of a sort adds people, each sort narrows. */
public enum Criterion {
    /** an establishment's members, its sub-organisations' included: the establishment's id */
    ESTABLISHMENT,
    /** a product's correspondents: "{product id}:FUNCTIONAL", ":TECHNICAL" or ":BOTH" */
    CORRESPONDENTS,
    /** the people who chose an interest domain: its name */
    INTEREST_DOMAIN,
    /** the people concerned by a place (docs/places.md): its code */
    PLACE,
    /** a service's grant holders: the service's id */
    SERVICE
}
