package com.nija.functions.routes;

/**
 * A function run on a timetable (EventBridge Scheduler in AWS, the local platform's scheduler locally). It runs in
 * one region only — the engine region — so a scan or ingest never runs twice for the same minute.
 *
 * @param function   short function name
 * @param handler    the Lambda handler class
 * @param expression the EventBridge Scheduler expression, UTC ({@code cron(1/5 * * * ? *)})
 * @param input      the payload the schedule sends (a file under {@code events/schedule/} shows it)
 */
public record Schedule(String function, Class<?> handler, String expression, String input) {}
