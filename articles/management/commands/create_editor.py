"""Create or update an editor's account: staff, not a superuser, in the "editors" group.

Editors review and publish imported articles in the admin; giving them superuser rights would also
let them manage accounts, so accounts are made with this command instead of `createsuperuser`.
Running it again for the same name brings the account back to that state (idempotent).
"""

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

EDITORS_GROUP = "editors"
PASSWORD_ENV = "DJANGO_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "创建或更新编辑账号（后台人员、非超级用户、editors 组）。密码取自 --password 或环境变量 "
        f"{PASSWORD_ENV}，否则在终端中询问；已有账号未给密码时保留原密码。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default=None, help="电子邮箱")
        parser.add_argument("--password", default=None, help=f"密码（也可用环境变量 {PASSWORD_ENV}）")
        parser.add_argument("--no-input", action="store_false", dest="interactive", help="不在终端询问密码")

    def handle(self, *args, username: str, email: str | None, password: str | None, **options) -> None:
        group = self.editors_group()
        User = get_user_model()
        user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
        created = user is None
        if created:
            user = User(**{User.USERNAME_FIELD: username})
        password = password or os.environ.get(PASSWORD_ENV) or None
        if password is None and created:
            password = self.ask_password(options["interactive"])
        with transaction.atomic():
            self.save_editor(user, email, password)
            user.groups.add(group)
        action = "已创建" if created else "已更新"
        self.stdout.write(self.style.SUCCESS(f"{action}编辑账号 {username}（{EDITORS_GROUP} 组）。"))

    def editors_group(self) -> Group:
        try:
            return Group.objects.get(name=EDITORS_GROUP)
        except Group.DoesNotExist:
            raise CommandError(f"找不到 {EDITORS_GROUP} 组，请先运行 migrate。") from None

    def ask_password(self, interactive: bool) -> str:
        if not (interactive and sys.stdin.isatty()):
            raise CommandError(f"请用 --password 或环境变量 {PASSWORD_ENV} 提供密码。")
        password = getpass.getpass("密码：")
        if password != getpass.getpass("再次输入密码："):
            raise CommandError("两次输入的密码不一致。")
        return password

    def save_editor(self, user: AbstractBaseUser, email: str | None, password: str | None) -> None:
        user.is_staff = True
        user.is_superuser = False
        user.is_active = True
        if email is not None:
            user.email = email
        if password is not None:
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            user.set_password(password)
        user.save()
