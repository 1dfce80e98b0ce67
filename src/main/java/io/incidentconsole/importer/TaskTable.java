package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.TaskDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table of work: a Task (or Action, Item, Activity) column with an Owner, Status or Due column. Each row with
 * a task is a task; its owner, due date and status go to its details, and a status such as "Done" or "✅" ticks it.
 */
record TaskTable(List<TaskDraft> tasks) {

    private static final Pattern TASK = Pattern.compile("(?i)\\b(tasks?|actions?( items?)?|items?|activit(y|ies)|work)\\b");
    private static final Pattern OWNER = Pattern.compile("(?i)\\b(owners?|assignee|who|responsible)\\b");
    private static final Pattern STATUS = Pattern.compile("(?i)\\b(status|state|done)\\b");
    private static final Pattern DUE = Pattern.compile("(?i)\\b(due|deadline|when|date)\\b");
    private static final Pattern DONE = Pattern.compile("(?i)^(done|complete[d]?|closed|finished|resolved|yes|x|✅|✔️?|☑️?)\\b?.*");

    /** The table's tasks, or null when it is not a task table or has no task in it. */
    static TaskTable of(MdText.Table table) {
        int task = -1;
        int owner = -1;
        int status = -1;
        int due = -1;
        for (int c = 0; c < table.header().size(); c++) {
            String h = table.header().get(c);
            if (task < 0 && TASK.matcher(h).find()) {
                task = c;
            } else if (owner < 0 && OWNER.matcher(h).find()) {
                owner = c;
            } else if (status < 0 && STATUS.matcher(h).find()) {
                status = c;
            } else if (due < 0 && DUE.matcher(h).find()) {
                due = c;
            }
        }
        if (task < 0 || owner < 0 && status < 0 && due < 0) {
            return null;
        }
        List<TaskDraft> tasks = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            String text = ReadContext.cell(row, task);
            if (text.isBlank()) {
                continue;
            }
            List<String> details = new ArrayList<>();
            detail(details, "Owner", ReadContext.cell(row, owner));
            detail(details, "Due", ReadContext.cell(row, due));
            String state = ReadContext.cell(row, status);
            detail(details, "Status", state);
            Boolean ticked = status < 0 ? null : DONE.matcher(state.strip().toLowerCase(Locale.ROOT)).matches();
            tasks.add(new TaskDraft(text, null, details, ticked, table.rowLines().get(r)));
        }
        return tasks.isEmpty() ? null : new TaskTable(tasks);
    }

    private static void detail(List<String> details, String name, String value) {
        if (!value.isBlank() && !value.equals("-")) {
            details.add(name + ": " + value);
        }
    }
}
