"""The screens of one pair: overview, meetings and agenda, goals, notes, actions, agreement.

Each tab is a :class:`~mentorpair.ui.pair.base.PairTab` over one
:class:`~mentorpair.ui.pair.base.PairContext`; the
:class:`~mentorpair.ui.pair.view.PairView` refreshes every tab when any of
them records a change.
"""
