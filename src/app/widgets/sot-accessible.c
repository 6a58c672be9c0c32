/* sot-accessible.c: accessible names GTK 4.8 gets wrong, put right for every widget
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-accessible"

#include "config.h"

#include "sot-accessible.h"

/* GTK 4.8 reads an accessible name as the label property followed by the names of the
 * labelled-by widgets, and as the class name when there are neither. Three kinds of control
 * come out wrong that way, whichever template builds them:
 *
 * - a button with a mnemonic ("_Edit") has its raw label as label property and is labelled by
 *   its mnemonic label too: it is read "_Edit Edit";
 * - the toggle button inside a GtkDropDown, which is what takes the focus, has no name: it is
 *   read "GtkToggleButton" whatever the drop-down is called;
 * - a GtkMenuButton with a text label gives its text only to the button inside it, and is
 *   itself read "GtkMenuButton".
 *
 * Fixing each when it is mapped reaches every template, list row and dialog without each
 * of them knowing about it; a later change of label is followed through notify::label. */

static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  /* "__" is a literal underscore; a lone one marks the mnemonic. */
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
fix_button (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);
  const char *label;
  GList *mnemonics;

  /* Read from the child: while an icon replaces the label, notify::label comes before the
   * button is done and gtk_button_get_label () would take the icon for a label. */
  if (!GTK_IS_LABEL (child) || !gtk_label_get_use_underline (GTK_LABEL (child)))
    return;
  label = gtk_label_get_label (GTK_LABEL (child));
  if (strchr (label, '_') == NULL)
    return;

  mnemonics = gtk_widget_list_mnemonic_labels (GTK_WIDGET (button));
  if (mnemonics != NULL)
    {
      /* The mnemonic label already names the button through labelled-by. */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
  else
    {
      g_autofree char *text = strip_mnemonic (label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text, -1);
    }
  g_list_free (mnemonics);
}

/* A check button's raw label ("Only cases with a _repeat suspect") is its name in GTK 4.8: its
 * mnemonic label names it already, so the raw one goes. */
static void
fix_check_button (GtkCheckButton *check)
{
  const char *label = gtk_check_button_get_label (check);
  GList *mnemonics;

  if (label == NULL || !gtk_check_button_get_use_underline (check) || strchr (label, '_') == NULL)
    return;

  mnemonics = gtk_widget_list_mnemonic_labels (GTK_WIDGET (check));
  if (mnemonics != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else
    {
      g_autofree char *text = strip_mnemonic (label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text, -1);
    }
  g_list_free (mnemonics);
}

static void
fix_menu_button (GtkMenuButton *menu_button)
{
  const char *label = gtk_menu_button_get_label (menu_button);
  g_autofree char *text = NULL;

  if (label == NULL)
    return;

  text = gtk_menu_button_get_use_underline (menu_button) ? strip_mnemonic (label)
                                                         : g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text, -1);
}

static void
fix_drop_down (GtkDropDown *dropdown)
{
  /* The drop-down's first child is its toggle button. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      dropdown, NULL, -1);
}

static void
label_changed_cb (GtkWidget  *widget,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  sot_accessible_fix_names (widget);
}

static void
follow_label (GtkWidget *widget)
{
  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, label_changed_cb, NULL) != 0)
    return;

  /* After the widget's own handler, which sets the raw label again. */
  g_signal_connect_after (widget, "notify::label", G_CALLBACK (label_changed_cb), NULL);
  g_signal_connect_after (widget, "notify::use-underline", G_CALLBACK (label_changed_cb), NULL);
}

void
sot_accessible_fix_names (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget))
    {
      fix_button (GTK_BUTTON (widget));
      follow_label (widget);
    }
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      fix_menu_button (GTK_MENU_BUTTON (widget));
      follow_label (widget);
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      fix_check_button (GTK_CHECK_BUTTON (widget));
      follow_label (widget);
    }
  else if (GTK_IS_DROP_DOWN (widget))
    {
      fix_drop_down (GTK_DROP_DOWN (widget));
    }
}

static gboolean
widget_mapped_hook (GSignalInvocationHint *hint,
                    guint                  n_param_values,
                    const GValue          *param_values,
                    gpointer               user_data)
{
  sot_accessible_fix_names (g_value_get_object (&param_values[0]));

  return TRUE;
}

void
sot_accessible_init (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      guint signal_id;

      /* A signal exists once its class is initialised, which may not have happened yet
       * when the application starts. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      signal_id = g_signal_lookup ("map", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (signal_id, 0, widget_mapped_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
