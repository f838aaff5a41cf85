CREATE TYPE "public"."lesson_study_status" AS ENUM('active', 'finished');--> statement-breakpoint
CREATE TABLE "lesson_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"base_number" integer,
	"doc" jsonb NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lesson_studies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"teacher_id" uuid NOT NULL,
	"created_by_id" uuid,
	"status" "lesson_study_status" DEFAULT 'active' NOT NULL,
	"dimensions" jsonb NOT NULL,
	"resource_id" uuid,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lesson_study_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"at_seconds" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_study_notes_at_check" CHECK ("lesson_study_notes"."at_seconds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "lesson_study_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"video_asset_id" uuid,
	"reflection" jsonb,
	"reflection_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lesson_study_scores" (
	"round_id" uuid NOT NULL,
	"observer_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_study_scores_round_id_observer_id_dimension_pk" PRIMARY KEY("round_id","observer_id","dimension"),
	CONSTRAINT "lesson_study_scores_score_check" CHECK ("lesson_study_scores"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "exemplary" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "lesson_plan_versions" ADD CONSTRAINT "lesson_plan_versions_study_id_lesson_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."lesson_studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_plan_versions" ADD CONSTRAINT "lesson_plan_versions_round_id_lesson_study_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."lesson_study_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_plan_versions" ADD CONSTRAINT "lesson_plan_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_studies" ADD CONSTRAINT "lesson_studies_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_studies" ADD CONSTRAINT "lesson_studies_group_id_research_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."research_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_studies" ADD CONSTRAINT "lesson_studies_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_studies" ADD CONSTRAINT "lesson_studies_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_studies" ADD CONSTRAINT "lesson_studies_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_study_notes" ADD CONSTRAINT "lesson_study_notes_round_id_lesson_study_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."lesson_study_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_study_notes" ADD CONSTRAINT "lesson_study_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_study_rounds" ADD CONSTRAINT "lesson_study_rounds_study_id_lesson_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."lesson_studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_study_rounds" ADD CONSTRAINT "lesson_study_rounds_video_asset_id_media_assets_id_fk" FOREIGN KEY ("video_asset_id") REFERENCES "public"."media_assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_study_scores" ADD CONSTRAINT "lesson_study_scores_round_id_lesson_study_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."lesson_study_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_study_scores" ADD CONSTRAINT "lesson_study_scores_observer_id_users_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lesson_plan_versions_number_idx" ON "lesson_plan_versions" USING btree ("study_id","number");--> statement-breakpoint
CREATE INDEX "lesson_plan_versions_round_idx" ON "lesson_plan_versions" USING btree ("round_id","number");--> statement-breakpoint
CREATE INDEX "lesson_studies_group_idx" ON "lesson_studies" USING btree ("group_id","created_at");--> statement-breakpoint
CREATE INDEX "lesson_studies_resource_idx" ON "lesson_studies" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "lesson_study_notes_round_idx" ON "lesson_study_notes" USING btree ("round_id","at_seconds");--> statement-breakpoint
CREATE UNIQUE INDEX "lesson_study_rounds_number_idx" ON "lesson_study_rounds" USING btree ("study_id","number");--> statement-breakpoint
CREATE INDEX "lesson_study_rounds_video_idx" ON "lesson_study_rounds" USING btree ("video_asset_id");