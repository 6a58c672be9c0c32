/* sot-welcome-window.c: the window shown before a workspace is open (first start, preparing
 * training mode, a workspace that cannot be opened)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-welcome-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-welcome-window.h"

struct _SotWelcomeWindow
{
  AdwApplicationWindow  parent_instance;

  GtkStack             *stack;
  AdwStatusPage        *welcome_page;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (SotWelcomeWindow, sot_welcome_window, ADW_TYPE_APPLICATION_WINDOW)

static void
sot_welcome_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SOT_TYPE_WELCOME_WINDOW);

  G_OBJECT_CLASS (sot_welcome_window_parent_class)->dispose (object);
}

static void
sot_welcome_window_class_init (SotWelcomeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sot_welcome_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/window/sot-welcome-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SotWelcomeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SotWelcomeWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, SotWelcomeWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SotWelcomeWindow, error_page);
}

static void
sot_welcome_window_init (SotWelcomeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SotWelcomeWindow *
sot_welcome_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (SOT_TYPE_WELCOME_WINDOW,
                       "application", application,
                       NULL);
}

void
sot_welcome_window_show_welcome (SotWelcomeWindow *self,
                                 const char       *path)
{
  g_autofree char *description = NULL;

  g_return_if_fail (SOT_IS_WELCOME_WINDOW (self));

  if (path == NULL)
    {
      description = g_strdup (_("There is no workspace on this computer yet. Create an empty "
                                "one for real investigations, or explore the workbench on "
                                "fictional cases in training mode."));
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (path, -1);

      description = g_strdup_printf (_("There is no workspace at <b>%s</b> yet. Create an empty "
                                       "one there for real investigations, or explore the "
                                       "workbench on fictional cases in training mode."),
                                     escaped);
    }

  adw_status_page_set_description (self->welcome_page, description);
  gtk_stack_set_visible_child_name (self->stack, "welcome");
}

void
sot_welcome_window_show_preparing (SotWelcomeWindow *self)
{
  g_return_if_fail (SOT_IS_WELCOME_WINDOW (self));

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "preparing");
}

void
sot_welcome_window_set_progress (SotWelcomeWindow *self,
                                 double            fraction)
{
  g_return_if_fail (SOT_IS_WELCOME_WINDOW (self));

  if (fraction < 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
}

void
sot_welcome_window_show_error (SotWelcomeWindow *self,
                               const char       *title,
                               const char       *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (SOT_IS_WELCOME_WINDOW (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (message != NULL);

  escaped = g_markup_escape_text (message, -1);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
}
