package com.example.teamd;

import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;

@Table(name = "teamd_tasks")
public record TeamdTask(
        @Id @Identity long id,
        @References(table = TeamdProject.class) long projectId,
        String what,
        boolean done) {
}
