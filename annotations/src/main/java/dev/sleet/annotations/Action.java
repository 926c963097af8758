package dev.sleet.annotations;

/** Referential action of a foreign key. */
public enum Action {
    NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT
}
