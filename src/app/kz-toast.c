/* kz-toast.c — a short in-window notification, with an optional button, that hides by itself
 *
 * Without libadwaita there is no AdwToast: this is a small one of our own, an OSD pill that
 * slides up from the bottom of the window's content (the window puts it in a GtkOverlay).
 * It shows one message at a time — a new one replaces the old — and hides after
 * KZ_TOAST_TIMEOUT_SECONDS, or when closed; while the pointer rests on it or the keyboard
 * focus is in it, it stays, so that it never vanishes under the hand about to use it.
 * The button runs a window action, so what it does stays with the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-toast"

#include "kz-toast.h"

struct _KzToast
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *title_label;
  GtkButton   *action_button;
  GtkButton   *close_button;

  guint        timeout_source;
  guint        hovered : 1;
  guint        focused : 1;
};

G_DEFINE_FINAL_TYPE (KzToast, kz_toast, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
on_timeout (gpointer user_data)
{
  KzToast *self = KZ_TOAST (user_data);

  self->timeout_source = 0;
  kz_toast_dismiss (self);

  return G_SOURCE_REMOVE;
}

/* The countdown runs while the toast shows and nobody is using it. */
static void
kz_toast_update_timeout (KzToast *self)
{
  gboolean wanted = gtk_revealer_get_reveal_child (self->revealer) &&
                    !self->hovered && !self->focused;

  if (!wanted)
    g_clear_handle_id (&self->timeout_source, g_source_remove);
  else if (self->timeout_source == 0)
    {
      self->timeout_source = g_timeout_add_seconds (KZ_TOAST_TIMEOUT_SECONDS, on_timeout, self);
      g_source_set_name_by_id (self->timeout_source, "[kizuna] toast timeout");
    }
}

static void
on_enter (GtkEventControllerMotion *controller,
          double                    x,
          double                    y,
          KzToast                  *self)
{
  self->hovered = TRUE;
  kz_toast_update_timeout (self);
}

static void
on_leave (GtkEventControllerMotion *controller,
          KzToast                  *self)
{
  self->hovered = FALSE;
  kz_toast_update_timeout (self);
}

static void
on_focus_enter (GtkEventControllerFocus *controller,
                KzToast                 *self)
{
  self->focused = TRUE;
  kz_toast_update_timeout (self);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                KzToast                 *self)
{
  self->focused = FALSE;
  kz_toast_update_timeout (self);
}

static void
on_child_revealed (GtkRevealer *revealer,
                   GParamSpec  *pspec,
                   KzToast     *self)
{
  /* Hidden, it takes no room and no clicks from what is under it */
  if (!gtk_revealer_get_child_revealed (revealer) && !gtk_revealer_get_reveal_child (revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
on_button_clicked (KzToast *self)
{
  /* The action has run (GtkButton runs it first); the message has done its job */
  kz_toast_dismiss (self);
}

static void
kz_toast_dispose (GObject *object)
{
  KzToast *self = KZ_TOAST (object);

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_TOAST);

  G_OBJECT_CLASS (kz_toast_parent_class)->dispose (object);
}

static void
kz_toast_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KzToast *self = KZ_TOAST (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, kz_toast_get_title (self));
      break;
    case PROP_REVEALED:
      g_value_set_boolean (value, kz_toast_get_revealed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_toast_class_init (KzToastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_toast_dispose;
  object_class->get_property = kz_toast_get_property;

  /* The message shown, or the last one. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether a message shows (or is sliding in). */
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/kz-toast.ui");
  gtk_widget_class_bind_template_child (widget_class, KzToast, revealer);
  gtk_widget_class_bind_template_child (widget_class, KzToast, title_label);
  gtk_widget_class_bind_template_child (widget_class, KzToast, action_button);
  gtk_widget_class_bind_template_child (widget_class, KzToast, close_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "toast");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
kz_toast_init (KzToast *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed), self);
  g_signal_connect_swapped (self->action_button, "clicked", G_CALLBACK (on_button_clicked), self);
  g_signal_connect_swapped (self->close_button, "clicked", G_CALLBACK (kz_toast_dismiss), self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_enter), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
kz_toast_new (void)
{
  return g_object_new (KZ_TYPE_TOAST, NULL);
}

/**
 * kz_toast_show:
 * @title: the message, e.g. “Exported “timeline.png””
 * @button_label: (nullable): a mnemonic label for the button, e.g. “_Open”; %NULL for none
 * @action_name: (nullable): the action the button activates, e.g. “win.open-export”
 *
 * Shows @title, replacing any message that shows, for KZ_TOAST_TIMEOUT_SECONDS.
 */
void
kz_toast_show (KzToast    *self,
               const char *title,
               const char *button_label,
               const char *action_name)
{
  gboolean was_revealed;

  g_return_if_fail (KZ_IS_TOAST (self));
  g_return_if_fail (title != NULL);

  was_revealed = kz_toast_get_revealed (self);

  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->action_button), action_name);
  if (button_label != NULL)
    gtk_button_set_label (self->action_button, button_label);
  gtk_widget_set_visible (GTK_WIDGET (self->action_button), button_label != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);

  /* A new message gets its full time */
  g_clear_handle_id (&self->timeout_source, g_source_remove);
  kz_toast_update_timeout (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  if (!was_revealed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

/* Hides the message, if one shows. */
void
kz_toast_dismiss (KzToast *self)
{
  g_return_if_fail (KZ_IS_TOAST (self));

  if (!kz_toast_get_revealed (self))
    return;

  /* Focus in a widget about to hide would be lost: give it back to the window's content */
  if (gtk_widget_has_focus (GTK_WIDGET (self->action_button)) ||
      gtk_widget_has_focus (GTK_WIDGET (self->close_button)))
    gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self))),
                            GTK_DIR_TAB_FORWARD);

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  self->focused = FALSE;
  kz_toast_update_timeout (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

const char *
kz_toast_get_title (KzToast *self)
{
  g_return_val_if_fail (KZ_IS_TOAST (self), NULL);

  return gtk_label_get_text (self->title_label);
}

gboolean
kz_toast_get_revealed (KzToast *self)
{
  g_return_val_if_fail (KZ_IS_TOAST (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}
