/**
 * The helpdesk (seeds 001, 003, 004 §5): tickets filed in a category tree, handled through the
 * agency's lifecycle (DESIGN.md §3) by agents and contractors, on a business-day clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Helpdesk")
package fr.guichet.helpdesk;
