package jp.lg.externalservice.caserecord;

/** A person as the directory knew them at the time of an act: user id and display name. */
public record Actor(String userId, String name) {}
