from flask_login import UserMixin

from . import db, login_manager


class User(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(64), unique=True)


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))
